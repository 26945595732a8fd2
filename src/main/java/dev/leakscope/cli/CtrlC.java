package dev.leakscope.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) as an interrupt of the thread of a long-running command, so that it can stop
 * cleanly (no partial file, a final summary) instead of being killed. The first Ctrl-C interrupts;
 * a second one stops the process as usual. Closing restores the previous handler.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private CtrlC(SignalHandler previous) {
        this.previous = previous;
    }

    /** Until closed, Ctrl-C interrupts the calling thread (where the JVM can handle signals). */
    static CtrlC interruptsThisThread() {
        Thread t = Thread.currentThread();
        try {
            return new CtrlC(Signal.handle(INT, s -> {
                Signal.handle(INT, SignalHandler.SIG_DFL);
                t.interrupt();
            }));
        } catch (IllegalArgumentException e) {
            return new CtrlC(null); // -Xrs or an embedding that owns SIGINT: Ctrl-C stops the JVM as usual
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
