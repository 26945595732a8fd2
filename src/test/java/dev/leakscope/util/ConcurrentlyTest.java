package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
