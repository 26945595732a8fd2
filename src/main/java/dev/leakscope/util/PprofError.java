package dev.leakscope.util;

/**
 * An error {@code leakscope pprof} reports as {@code go tool pprof} reports it: the message in pprof's
 * own words, without leakscope's prefix, and pprof's exit code 1.
 */
public final class PprofError extends LeakscopeException {
    private static final long serialVersionUID = 1L;

    public PprofError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.PPROF_ERROR;
    }
}
