package dev.leakscope.report.pprof;

import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.Graph;
import dev.leakscope.graph.GraphBuilder;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeInfo;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.util.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The per-line values of the functions whose name matches a regex, grouped by function and source
 * file, as pprof's {@code -list} computes them (line granularity, no trimming; cum is summed over
 * line nodes, so recursion can push it past 100%).
 */
public final class SourceListing {
    private static final int MARGIN = 5;

    /**
     * One function in one source file.
     *
     * @param function the function name
     * @param file     the source file as named in the profile (trimmed), "" when there is none
     * @param flat     summed flat of its lines
     * @param cum      summed cum of its lines
     * @param start    first line to show (pprof's range rule)
     * @param end      last line to show
     * @param lines    flat and cum per sampled line number
     */
    public record Routine(String function, String file, long flat, long cum, long start, long end,
                          Map<Long, long[]> lines) {
    }

    private SourceListing() {
    }

    /** The routines matching fn, functions by name and files by name; fails when nothing matches. */
    public static List<Routine> routines(ReportContext rc, Pattern fn) {
        return routines(rc, fn, false);
    }

    /**
     * As {@link #routines(ReportContext, Pattern)}; withoutFile: the lines of frames that name no file
     * (a JVM's) are a routine of file "" too, where pprof has no source information for them.
     */
    public static List<Routine> routines(ReportContext rc, Pattern fn, boolean withoutFile) {
        ReportSettings s = rc.settings();
        GraphOptions o = GraphOptions.of(Granularity.LINES, s.noInlines(), rc.sampleIndex())
                .withValues(s.mean(), true, s.dropNegative()).withPaths(s.trimPath(), s.sourcePath());
        NodeTable table = NodeTable.build(rc.profile(), o);
        Graph g = GraphBuilder.build(rc.profile(), table, o, null);
        Map<String, List<Integer>> byFunction = new TreeMap<>();
        for (int n : g.nodes()) {
            String name = g.info(n).name();
            if (fn.matcher(name).find()) {
                byFunction.computeIfAbsent(name, k -> new ArrayList<>()).add(n);
            }
        }
        if (byFunction.isEmpty()) {
            throw new UsageException("no matches found for regexp: " + fn.pattern());
        }
        List<Routine> out = new ArrayList<>();
        byFunction.forEach((name, nodes) -> {
            Map<String, List<Integer>> byFile = new TreeMap<>();
            for (int n : nodes) {
                String file = g.info(n).file();
                if (!file.isEmpty() || (withoutFile && g.info(n).lineNumber() != 0)) {
                    byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(n);
                }
            }
            if (byFile.isEmpty()) {
                out.add(new Routine(name, "", 0, 0, 0, 0, Map.of()));
            }
            byFile.forEach((file, fileNodes) -> out.add(routine(g, name, file, fileNodes)));
        });
        return out;
    }

    /** pprof's getSourceFromFile range: from the start line (or 5 before), to 5 after, with its quirk. */
    private static Routine routine(Graph g, String name, String file, List<Integer> nodes) {
        NodeInfo first = g.info(nodes.get(0));
        long start = first.startLine() != 0 ? first.startLine() : first.lineNumber() - MARGIN;
        long end = first.lineNumber() + MARGIN;
        long flat = 0;
        long cum = 0;
        Map<Long, long[]> lines = new LinkedHashMap<>();
        for (int n : nodes) {
            NodeInfo info = g.info(n);
            long nodeStart = info.startLine() != 0 ? info.startLine() : info.lineNumber() - MARGIN;
            long nodeEnd = info.lineNumber() + MARGIN;
            // As in pprof, only one of the two bounds moves per node.
            if (nodeStart < start) {
                start = nodeStart;
            } else if (nodeEnd > end) {
                end = nodeEnd;
            }
            long[] v = lines.computeIfAbsent(info.lineNumber(), k -> new long[2]);
            v[0] += g.rawFlat(n);
            v[1] += g.rawCum(n);
            flat += g.rawFlat(n);
            cum += g.rawCum(n);
        }
        return new Routine(name, file, flat, cum, Math.max(start, 1), end, lines);
    }

    /** pprof's -list output. */
    public static void write(ReportContext rc, Pattern fn, Path workDir, PrintWriter out) {
        List<Routine> routines = routines(rc, fn);
        ReportSettings s = rc.settings();
        SourceReader reader = new SourceReader(s.sourcePath().isEmpty() ? workDir.toString() : s.sourcePath(),
                s.trimPath(), workDir);
        out.print("Total: " + rc.format(rc.total()) + "\n");
        for (Routine r : routines) {
            if (r.file().isEmpty()) {
                out.print("No source information for " + r.function() + "\n");
                continue;
            }
            out.print("ROUTINE ======================== " + r.function() + " in " + r.file() + "\n");
            out.print(GoNumbers.pad(rc.format(r.flat()), 10) + " " + GoNumbers.pad(rc.format(r.cum()), 10)
                    + " (flat, cum) " + GoNumbers.percentage(r.cum(), rc.total()) + " of Total\n");
            StringBuilder body = new StringBuilder();
            for (long n = r.start(); n <= r.end(); n++) {
                String text = reader.line(r.file(), n);
                if (text == null) {
                    break;
                }
                long[] v = r.lines().getOrDefault(n, new long[2]);
                body.append(GoNumbers.pad(dot(rc, v[0]), 10)).append(' ').append(GoNumbers.pad(dot(rc, v[1]), 10))
                        .append(' ').append(GoNumbers.pad(Long.toString(n), 6)).append(':').append(text).append('\n');
            }
            String error = reader.error(r.file());
            out.print(error != null ? " Error: " + error + "\n" : body);
        }
    }

    private static String dot(ReportContext rc, long v) {
        return v == 0 ? "." : rc.format(v);
    }
}
