package dev.leakscope.util;

/** An input that cannot be read: missing, unreadable, not a profile, corrupt, or over a limit. */
public class InputException extends LeakscopeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.INPUT;
    }
}
