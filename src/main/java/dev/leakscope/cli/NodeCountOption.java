package dev.leakscope.cli;

import dev.leakscope.util.UsageException;
import picocli.CommandLine.Option;

/** {@code -n/--nodecount}: how many nodes a report shows at most; each report has its own default. */
final class NodeCountOption {
    @Option(names = {"-n", "--nodecount"}, paramLabel = "N",
            description = "Show at most N nodes (0: all). Default: all that pass --nodefraction; focus: 20.")
    Integer nodeCount;

    /** The count given, else the report's default; 0 means all. */
    int nodeCount(int reportDefault) {
        if (nodeCount == null) {
            return reportDefault;
        }
        if (nodeCount < 0) {
            throw new UsageException("--nodecount must be 0 or more");
        }
        return nodeCount;
    }
}
