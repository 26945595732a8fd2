package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Independent computations at once: results in order, every task ended, the earliest failure thrown as is. */
class ConcurrentlyTest {
    @Test
    void resultsComeInTheTasksOrder() {
        assertEquals(List.of("a", "b", "c"), Concurrently.all(List.<Supplier<String>>of(() -> "a", () -> "b", () -> "c")));
        assertEquals(List.of(), Concurrently.all(List.<Supplier<String>>of()));
    }

    @Test
    void theCallerRunsItsTaskWhileTheOtherRuns() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: the tasks run one after the other");
        CountDownLatch callerRan = new CountDownLatch(1);
        // the first task ends only once the last (the caller's) has run, or after a minute, saying so
        List<Boolean> results = Concurrently.all(List.<Supplier<Boolean>>of(() -> {
            try {
                return callerRan.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, () -> {
            callerRan.countDown();
            return true;
        }));
        assertEquals(List.of(true, true), results);
    }

    @Test
    void theEarliestFailureIsThrownAsItWasOnceEveryTaskEnded() {
        IllegalArgumentException first = new IllegalArgumentException("first");
        AtomicBoolean lastEnded = new AtomicBoolean();
        Supplier<String> slow = () -> {
            long end = System.nanoTime() + 50_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            lastEnded.set(true);
            return "done";
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concurrently.all(
                List.<Supplier<String>>of(() -> {
                    throw first;
                }, () -> {
                    throw new IllegalStateException("second");
                }, slow)));
        assertSame(first, e);
        assertTrue(lastEnded.get(), "no task is left running");
    }

    @Test
    void anErrorIsThrownAsItWas() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Concurrently.all(List.<Supplier<String>>of(
                () -> "a", () -> {
                    throw oom;
                }))));
    }
}
