package dev.leakscope.input;

import dev.leakscope.util.InputException;

/**
 * An input over one of the {@link Limits}, or over what leakscope computes exactly (values adding up
 * beyond 2^63-1). Unlike a member that is not a profile, which an archive may hold and which is
 * skipped, this always stops the command; {@code leakscope pprof} keeps its usage exit code for it,
 * as go tool pprof has no such limit.
 */
public final class LimitException extends InputException {
    private static final long serialVersionUID = 1L;

    public LimitException(String message) {
        super(message);
    }

    public LimitException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * e's message after prefix (the input's name), of e's kind: a limit stays a {@link LimitException},
     * so that no caller mistakes it for an input that is merely unreadable (and skips it).
     */
    public static InputException named(String prefix, InputException e) {
        String message = prefix + ": " + e.getMessage();
        if (isCause(e)) {
            return new LimitException(message, e);
        }
        return new InputException(message, e);
    }

    /** Whether e, or an error it wraps, is a limit being reached. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitException) {
                return true;
            }
        }
        return false;
    }
}
