package dev.leakscope.cli;

import dev.leakscope.graph.Granularity;
import dev.leakscope.profile.transform.Filters;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.util.PprofError;
import dev.leakscope.util.UsageException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code go tool pprof} command line in pprof's own spelling ({@code -top -sample_index=x
 * -base a.pb.gz b.pb.gz}), parsed with Go's flag rules (flags end at the first positional argument;
 * {@code -flag value} or {@code -flag=value}; booleans take no separate value) and mapped onto the
 * same {@link ReportSettings} the leakscope commands use.
 */
final class PprofArgs {
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** Numbers Go reads but leakscope refuses: infinities, NaN, hexadecimal floats. */
    private static final java.util.regex.Pattern GO_ONLY_FLOAT = java.util.regex.Pattern.compile(
            "[+-]?((?i)inf|infinity|nan)|[+-]?0[xX][0-9a-fA-F_]*\\.?[0-9a-fA-F_]*[pP][+-]?[0-9_]+");
    /** Go's integer syntax, without underscores: sign, base prefix, digits (checked against the base after). */
    private static final java.util.regex.Pattern GO_INT =
            java.util.regex.Pattern.compile("([+-]?)(0[xXoObB])?([0-9a-fA-F]+)");

    /** Output formats (reports); exactly one must be given. */
    static final Set<String> REPORTS = Set.of("top", "text", "traces", "raw", "tree", "peek", "list", "tags",
            "comments", "disasm", "weblist", "dot", "svg", "png", "pdf", "proto", "callgrind", "kcachegrind",
            "topproto", "web", "gv");
    private static final Set<String> REPORTS_WITH_VALUE = Set.of("peek", "list", "disasm", "weblist");
    private static final Set<String> BOOLS = Set.of("top", "text", "traces", "raw", "tree", "tags", "comments",
            "dot", "svg", "png", "pdf", "proto", "callgrind", "kcachegrind", "topproto", "web", "gv",
            "cum", "flat", "functions", "filefunctions", "files", "lines", "addresses", "noinlines", "mean",
            "normalize", "drop_negative", "relative_percentages", "compact_labels", "call_tree",
            "inuse_space", "inuse_objects", "alloc_space", "alloc_objects", "total_delay", "contentions",
            "mean_delay", "trim", "no_browser");
    private static final Set<String> VALUED = Set.of("sample_index", "unit", "nodecount", "nodefraction",
            "edgefraction", "divide_by", "focus", "ignore", "hide", "show", "show_from", "tagfocus", "tagignore",
            "tagshow", "taghide", "prune_from", "peek", "list", "disasm", "weblist", "base", "diff_base",
            "source_path", "trim_path", "add_comment", "output", "symbolize", "tagroot", "tagleaf", "seconds",
            "timeout", "buildid", "tools", "http", "maxdegree");
    /** Valued flags leakscope implements; the others are refused rather than silently ignored. */
    private static final Set<String> IMPLEMENTED = Set.of("sample_index", "unit", "nodecount", "nodefraction",
            "edgefraction", "divide_by", "base", "diff_base", "source_path", "trim_path", "symbolize", "focus",
            "ignore", "hide", "show", "show_from", "tagfocus", "tagignore", "tagshow", "taghide", "prune_from",
            "add_comment", "output", "seconds");
    /** pprof's sample-type shorthands, in the order in which the first one wins. */
    private static final List<String> SHORTHANDS = List.of("total_delay", "mean_delay", "contentions",
            "inuse_space", "inuse_objects", "alloc_space", "alloc_objects");

    final Map<String, String> flags = new LinkedHashMap<>();
    /** The base profile (none, or pprof's one: the last non-empty -base or -diff_base). */
    final List<String> bases = new ArrayList<>();
    boolean diffBase;
    /** pprof's -trim (on unless -trim=false): off, no node or edge is cut, as with -nodecount=0 -nodefraction=0 -edgefraction=0. */
    boolean trim = true;
    final List<String> positionals = new ArrayList<>();
    String report;
    String reportValue;

    /**
     * pprof's -base and -diff_base: each a single Go string flag (the last one given counts, an empty
     * one is none), not both.
     */
    private void base() {
        String base = flags.getOrDefault("base", "");
        String diff = flags.getOrDefault("diff_base", "");
        if (!base.isEmpty() && !diff.isEmpty()) {
            throw new PprofError("-base and -diff_base flags cannot both be specified", null);
        }
        diffBase = !diff.isEmpty();
        if (!base.isEmpty() || diffBase) {
            bases.add(diffBase ? diff : base);
        }
    }

    static PprofArgs parse(List<String> args) {
        PprofArgs a = new PprofArgs();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            i++;
            if (arg.equals("--")) {
                break;
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String name = body;
            String value = null;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                name = body.substring(0, eq);
                value = body.substring(eq + 1);
            }
            if (BOOLS.contains(name)) {
                if (value != null && !Set.of("true", "false", "1", "0", "t", "f", "TRUE", "FALSE", "True", "False").contains(value)) {
                    throw new PprofError("invalid boolean value \"" + value + "\" for -" + name + ": parse error", null);
                }
                boolean on = value == null || Set.of("true", "1", "t", "TRUE", "True").contains(value);
                if (name.equals("trim")) {
                    a.trim = on; // on by default
                } else if (on) {
                    a.flags.put(name, "true");
                } else {
                    a.flags.remove(name);
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new PprofError("flag provided but not defined: -" + name, null);
            }
            if (!IMPLEMENTED.contains(name) && !REPORTS.contains(name)) {
                throw new UsageException("pprof: -" + name + " is not supported yet");
            }
            if (value == null) {
                if (i >= args.size()) {
                    throw new PprofError("flag needs an argument: -" + name, null);
                }
                value = args.get(i++);
            }
            a.flags.put(name, value);
        }
        a.base();
        a.positionals.addAll(args.subList(i, args.size()));
        for (String r : REPORTS) {
            if (a.flags.containsKey(r)) {
                if (a.report != null) {
                    throw new PprofError("must set at most one output format", null);
                }
                a.report = r;
                a.reportValue = REPORTS_WITH_VALUE.contains(r) ? a.flags.get(r) : null;
            }
        }
        return a;
    }

    /**
     * pprof's -seconds: a URL's delta (or CPU) profile over that many seconds, as leakscope's --seconds
     * asks for (Go's flags read -seconds and --seconds alike); 0 or less asks for none, as in pprof.
     */
    int seconds() {
        return has("seconds") ? Math.max(0, parseInt("seconds", get("seconds", ""))) : 0;
    }

    boolean has(String flag) {
        return flags.containsKey(flag);
    }

    String get(String flag, String dflt) {
        return flags.getOrDefault(flag, dflt);
    }

    ReportSettings settings(ZoneId zone) {
        String sampleIndex = flags.get("sample_index");
        for (String s : SHORTHANDS) {
            if (has(s) && sampleIndex == null) {
                sampleIndex = switch (s) {
                    case "total_delay", "mean_delay" -> "delay";
                    default -> s;
                };
            }
        }
        boolean mean = has("mean") || has("mean_delay");
        Granularity g = Granularity.FUNCTIONS;
        List<String> set = new ArrayList<>();
        for (Granularity candidate : Granularity.values()) {
            if (has(candidate.name().toLowerCase())) {
                g = candidate;
                set.add(candidate.name().toLowerCase());
            }
        }
        if (set.size() > 1) {
            // pprof names them in its map's order, which varies from run to run
            throw new PprofError("conflicting options set: [" + String.join(" ", set) + "]", null);
        }
        int nodeCount = trim ? parseInt("nodecount", get("nodecount", "-1")) : 0;
        double nodeFraction = trim ? fraction("nodefraction", get("nodefraction", "0.005")) : 0;
        double divideBy = parseDouble("divide_by", get("divide_by", "1"));
        if (divideBy == 0) {
            throw new PprofError("zero divisor specified", null);
        }
        if (divideBy < 0) {
            throw new UsageException("invalid value \"" + get("divide_by", "") + "\" for flag -divide_by: must be more than 0");
        }
        double edgeFraction = trim ? fraction("edgefraction", get("edgefraction", "0.001")) : 0;
        return ReportSettings.defaults().withZone(zone)
                .withSampleIndex(sampleIndex)
                .withGranularity(g, has("noinlines"))
                .withTrim(has("cum"), nodeCount, nodeFraction)
                .withEdgeFraction(edgeFraction)
                .withUnit(get("unit", "minimum"))
                .withMean(mean, divideBy, has("drop_negative"))
                .withPaths(get("trim_path", ""), get("source_path", ""))
                .withFilters(filters())
                .withCompactLabels(has("compact_labels"));
    }

    /** The filters; a regexp that does not compile is pprof's error too. */
    private Filters filters() {
        try {
            return Filters.builder().focus(get("focus", "")).ignore(get("ignore", ""))
                    .hide(get("hide", "")).show(get("show", "")).showFrom(get("show_from", ""))
                    .tagFocus(get("tagfocus", "")).tagIgnore(get("tagignore", "")).tagShow(get("tagshow", ""))
                    .tagHide(get("taghide", "")).pruneFrom(get("prune_from", ""))
                    .relativePercentages(has("relative_percentages")).build();
        } catch (UsageException e) {
            throw new PprofError(e.getMessage(), e);
        }
    }

    /**
     * An int flag as Go's flag package reads it: a 64-bit int, decimal, octal with a leading 0, or with
     * a 0x, 0o or 0b prefix (Go's underscores are not taken). Beyond an int's range it is clamped: so
     * many nodes mean no limit.
     */
    private static int parseInt(String flag, String v) {
        java.util.regex.Matcher m = GO_INT.matcher(v);
        if (!m.matches()) {
            throw goFlagError(flag, v, "parse error");
        }
        String prefix = m.group(2);
        String digits = m.group(3);
        int radix = prefix != null ? switch (Character.toLowerCase(prefix.charAt(1))) {
            case 'x' -> 16;
            case 'o' -> 8;
            default -> 2;
        } : digits.length() > 1 && digits.startsWith("0") ? 8 : 10;
        if (!digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            throw goFlagError(flag, v, "parse error");
        }
        try {
            long n = Long.parseLong(m.group(1) + digits, radix);
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
        } catch (NumberFormatException e) {
            throw goFlagError(flag, v, "value out of range");
        }
    }

    /** A flag value Go's flag package refuses, in its words (pprof's exit code 1). */
    private static PprofError goFlagError(String flag, String v, String reason) {
        return new PprofError("invalid value \"" + v + "\" for flag -" + flag + ": " + reason, null);
    }

    /**
     * A finite decimal number. Stricter than Go's flag package: NaN and infinities are refused too (pprof
     * takes them and prints an empty or meaningless report), and so is Java's "1d"/"0x1p3" syntax.
     */
    private static double parseDouble(String flag, String v) {
        if (!DECIMAL.matcher(v).matches()) {
            if (!GO_ONLY_FLOAT.matcher(v).matches()) {
                throw goFlagError(flag, v, "parse error");
            }
            throw new UsageException("invalid value \"" + v + "\" for flag -" + flag + ": not a finite number");
        }
        double d = Double.parseDouble(v);
        if (Double.isInfinite(d)) {
            throw goFlagError(flag, v, "value out of range");
        }
        return d;
    }

    /** A fraction of the total: from 0 to 1. */
    private static double fraction(String flag, String v) {
        double d = parseDouble(flag, v);
        if (d < 0 || d > 1) {
            throw new UsageException("invalid value \"" + v + "\" for flag -" + flag + ": must be between 0 and 1");
        }
        return d;
    }
}
