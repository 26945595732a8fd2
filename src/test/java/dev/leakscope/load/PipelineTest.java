package dev.leakscope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work spread over the cores, its results taken in series order, pending loads bounded by the heap. */
class PipelineTest {
    @Test
    void stepsAreTakenInTheOrderTheyWereQueuedWhateverOrderTheyEndIn() {
        List<String> taken = new ArrayList<>();
        try (Pipeline p = new Pipeline(Long.MAX_VALUE)) {
            for (int i = 0; i < 6; i++) {
                int k = i;
                p.load(10, () -> {
                    Thread.sleep(k % 2 == 0 ? 30 : 0); // the even ones end last
                    return () -> {
                        taken.add("load " + k);
                        p.then(() -> () -> taken.add("task " + k));
                    };
                });
                p.then(() -> taken.add("warning " + k));
            }
            p.finish();
        }
        List<String> loadsAndWarnings = new ArrayList<>(taken);
        loadsAndWarnings.removeIf(s -> s.startsWith("task"));
        List<String> tasks = new ArrayList<>(taken);
        tasks.removeIf(s -> !s.startsWith("task"));
        for (int k = 0; k < 6; k++) {
            assertEquals(List.of("load " + k, "warning " + k), loadsAndWarnings.subList(2 * k, 2 * k + 2));
            assertEquals("task " + k, tasks.get(k));
            assertTrue(taken.indexOf("task " + k) > taken.indexOf("load " + k));
        }
    }

    @Test
    void theFirstFailureInSeriesOrderIsThrownAsItWas() {
        IllegalStateException first = new IllegalStateException("first");
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline p = new Pipeline(Long.MAX_VALUE)) {
            p.load(1, () -> () -> taken.add("0"));
            p.load(1, () -> {
                Thread.sleep(30);
                throw first;
            });
            p.load(1, () -> {
                throw new IllegalArgumentException("later");
            });
            assertSame(first, assertThrows(IllegalStateException.class, p::finish));
        }
        assertEquals(List.of("0"), taken);
    }

    @Test
    void aFailureOfTheCallerComesAfterTheStepsQueuedBeforeItUnlessOneOfThemFailed() {
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException reading = new IllegalStateException("reading");
        try (Pipeline p = new Pipeline(Long.MAX_VALUE)) {
            p.load(1, () -> () -> taken.add("0"));
            p.then(() -> taken.add("warning"));
            assertSame(reading, assertThrows(IllegalStateException.class, () -> p.finishBefore(reading)));
        }
        assertEquals(List.of("0", "warning"), taken);
        IllegalArgumentException step = new IllegalArgumentException("step");
        try (Pipeline p = new Pipeline(Long.MAX_VALUE)) {
            p.load(1, () -> {
                throw step;
            });
            p.then(() -> taken.add("never"));
            assertSame(step, assertThrows(IllegalArgumentException.class, () -> p.finishBefore(reading)));
        }
        assertEquals(List.of("0", "warning"), taken);
    }

    @Test
    void loadsThatCannotDecodeTogetherInTheHeapRunOneAfterTheOther() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (Pipeline p = new Pipeline(8 * 100)) { // two loads of 60 bytes need 8 x 120 bytes at once
            for (int i = 0; i < 4; i++) {
                p.load(60, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    running.decrementAndGet();
                    return () -> { };
                });
            }
            p.finish();
        }
        assertEquals(1, most.get());
    }
}
