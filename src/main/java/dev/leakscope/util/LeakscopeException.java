package dev.leakscope.util;

/** An error the user can act on: reported as one line on stderr, with an exit code, never a stack trace. */
public abstract class LeakscopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected LeakscopeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code this error maps to. */
    public abstract int exitCode();
}
