package dev.leakscope.util;

/** A command line that cannot be carried out: bad option value, unknown sample type, bad regex. */
public final class UsageException extends LeakscopeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
