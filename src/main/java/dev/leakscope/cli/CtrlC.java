package dev.leakscope.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) as an interrupt of the thread of a long-running command, so that it can stop
 * cleanly (no partial file, a final summary) instead of being killed. The first Ctrl-C interrupts;
 * a second one stops the process as usual. Closing restores the previous handler.
 *
 * <p>Such a command takes over Ctrl-C only once it is set up, and the JVM's own handling (exit 130, no
 * summary) would end a Ctrl-C pressed while it starts (a second or more of a watch's first seconds):
 * {@link #keptFromStart()}, at the start of the process, keeps it for the command instead.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    /** The handler before the first Ctrl-C handling here (the JVM's), or null when none is installed. */
    private static SignalHandler previous;
    /** The thread a Ctrl-C interrupts, or null before a command took it over. */
    private static volatile Thread target;
    /** Whether Ctrl-C was pressed, so that one before the command took over still stops it. */
    private static volatile boolean pressed;

    private final boolean installed;

    private CtrlC(boolean installed) {
        this.installed = installed;
    }

    /**
     * From now on, a Ctrl-C is kept for the command that will take it over ({@link #interruptsThisThread}),
     * not handled by the JVM; false where the JVM cannot handle signals.
     */
    static synchronized boolean keptFromStart() {
        if (previous != null) {
            return true;
        }
        try {
            previous = Signal.handle(INT, s -> {
                Signal.handle(INT, SignalHandler.SIG_DFL);
                // pressed first, target read after: with interruptsThisThread's opposite order, one of the two
                // sees the other's write, so a Ctrl-C while the command takes over is never lost
                pressed = true;
                Thread t = target;
                if (t != null) {
                    t.interrupt();
                }
            });
            return true;
        } catch (IllegalArgumentException e) {
            return false; // -Xrs or an embedding that owns SIGINT: Ctrl-C stops the JVM as usual
        }
    }

    /**
     * Until closed, Ctrl-C interrupts the calling thread (where the JVM can handle signals); one pressed
     * since {@link #keptFromStart()} interrupts it at once.
     */
    static CtrlC interruptsThisThread() {
        if (!keptFromStart()) {
            return new CtrlC(false);
        }
        Thread t = Thread.currentThread();
        target = t;
        if (pressed) {
            t.interrupt();
        }
        return new CtrlC(true);
    }

    @Override
    public void close() {
        if (installed) {
            synchronized (CtrlC.class) {
                target = null;
                pressed = false;
                Signal.handle(INT, previous);
                previous = null;
            }
        }
    }
}
