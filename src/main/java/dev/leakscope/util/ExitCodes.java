package dev.leakscope.util;

/** The process exit codes, the same for every command. */
public final class ExitCodes {
    /** The report was produced and no gate tripped. */
    public static final int OK = 0;
    /** A CI gate tripped (a threshold was exceeded); the report was still produced. */
    public static final int GATE = 1;
    /** {@code leakscope pprof} refused what {@code go tool pprof} refuses, with pprof's words and exit code. */
    public static final int PPROF_ERROR = 1;
    /** The command line could not be carried out. */
    public static final int USAGE = 2;
    /** An input could not be read or is not a valid profile. */
    public static final int INPUT = 2;
    /**
     * leakscope itself failed (a bug, out of memory, a stack overflow): not the input's fault; the
     * message asks for a bug report with the output of {@code --debug}.
     */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
