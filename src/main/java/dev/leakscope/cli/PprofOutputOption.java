package dev.leakscope.cli;

import picocli.CommandLine.Option;

/**
 * {@code leakscope pprof}'s --output, without the -o the report commands take: picocli reads any
 * argument that starts with a declared short option's letter as that option, so with -o pprof's own
 * {@code -output FILE} would no longer reach pprof's flag parser.
 */
final class PprofOutputOption {
    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE, as pprof's -output FILE does (replaced atomically, only once"
                    + " the report is complete).")
    String output;
}
