package dev.leakscope.report;

import dev.leakscope.util.Plural;
import dev.leakscope.report.pprof.GoDuration;
import dev.leakscope.report.pprof.ProfileHeader;
import dev.leakscope.report.pprof.ValueFormat;
import dev.leakscope.diff.DiffResult;
import dev.leakscope.diff.Side;
import dev.leakscope.diff.DiffRow;
import dev.leakscope.diff.NoiseModel;
import dev.leakscope.profile.Producers;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.Snapshot;
import dev.leakscope.trend.TwinSnapshots;
import dev.leakscope.util.Printable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the text, Markdown and HTML diff reports write values: in the most readable unit, pprof's
 * {@code kB}/{@code MB} (powers of 1024).
 */
public final class DiffValues {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String unit;
    private final String outputUnit;

    /** Values in unit printed in outputUnit: pprof's -unit ({@code minimum}: each in its own unit). */
    public DiffValues(String unit, String outputUnit) {
        this.unit = unit;
        this.outputUnit = outputUnit;
    }

    public String value(long v) {
        return ValueFormat.label(v, unit, outputUnit);
    }

    /** A change with its sign: {@code +1.50MB}, {@code -512kB}, {@code 0}. */
    public String signed(long v) {
        return ValueFormat.signedLabel(v, unit, outputUnit);
    }

    /** A percentage with its sign and one decimal; {@code new} for null. */
    public static String pct(Double p) {
        if (p == null) {
            return "new";
        }
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }

    /** A share in percent with one decimal (negative for shrinkage), or {@code -}. */
    public static String share(Double p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /**
     * The row's name, with the own-code frame the change came through and its part of the change:
     * {@code malloc_hook (via a.B.c: 99%)}; when the frame carried more than the net change (other callers
     * changed the other way), the frame's own change instead: {@code String (via a.B.c: +10)}.
     */
    public String name(DiffRow r) {
        if (r.via() == null) {
            return r.name();
        }
        String part = Math.abs(r.viaDelta()) > Math.abs(r.delta()) ? signed(r.viaDelta())
                : String.format(Locale.ROOT, "%.0f%%", r.viaPct());
        return r.name() + " (via " + r.via() + ": " + part + ")";
    }

    public static List<String> flags(DiffRow r) {
        List<String> f = new ArrayList<>(2);
        if (r.isNew()) {
            f.add("new");
        }
        if (r.gone()) {
            f.add("gone");
        }
        if (r.noise()) {
            f.add("noise");
        }
        return f;
    }

    public static String time(long nanos) {
        return TIME.format(Instant.ofEpochSecond(0, nanos));
    }

    /** The one-line warning for a base newer than the current profile ({@link DiffResult#baseLooksNewer}). */
    public static String newerBaseWarning(DiffResult d) {
        return "warning: the base " + newest(d.base().inputs()) + " is newer than the current profile "
                + newest(d.current().inputs()) + " by " + roundedDuration(-d.elapsedNanos(), true)
                + "; swapped? The base comes first: a swapped pair shows a leak as shrinkage and trips no growth gate";
    }

    /** The warning for a side that adds up a series ({@link DiffResult#summedSeries}). */
    public static String summedSeriesWarning(DiffResult d, Side side) {
        List<Snapshot> in = side.inputs();
        return "warning: the " + (side == d.base() ? "base" : "current profile") + " adds up " + in.size()
                + " profiles taken over " + roundedDuration(side.timeNanos() - side.oldestNanos(), true) + " ("
                + in.get(0).name() + " … " + in.get(in.size() - 1).name() + "): the files of a side are merged, as"
                + " replicas of one moment are; to compare two moments name one file per side, or run diff DIR (its"
                + " oldest profile against its newest) or trend";
    }

    /** The warning for a service that restarted between the sides ({@link DiffResult#restart}). */
    public static String restartWarning(DiffResult.Restart r) {
        String unit = r.type().unit();
        return "warning: the service restarted between the base and the current profile: the current one counts "
                + ValueFormat.autoLabel(r.current(), unit) + " of " + r.type().type() + " since its process started,"
                + " the base " + ValueFormat.autoLabel(r.base(), unit) + "; the change is not what one process"
                + " grew (compare profiles of one run)";
    }

    /** The warning for a diff whose sides have no node in common ({@link DiffResult#disjoint}). */
    public static String disjointWarning() {
        return "warning: the base and the current profile have no node in common, so every change is a node"
                + " that is new or gone: are they profiles of the same program?";
    }

    /**
     * The warning for one URL fetched for both sides moments apart ({@code diff URL URL}): what changed
     * in those milliseconds is next to nothing, whatever leaks.
     */
    public static String sameUrlWarning(String url, long apartNanos) {
        return "warning: both sides are " + url + ", fetched " + roundedDuration(apartNanos, true) + " apart: the"
                + " diff shows only what changed in that time; to see growth, take snapshots minutes apart"
                + " (leakscope watch URL, or leakscope collect then trend) or fetch one delta profile over N seconds"
                + " (--seconds N)";
    }

    /** The newest input of a side, as name (time). */
    private static String newest(List<Snapshot> inputs) {
        Snapshot n = inputs.get(0);
        for (Snapshot s : inputs) {
            n = s.timeNanos() > n.timeNanos() ? s : n;
        }
        return n.name() + " (" + time(n.timeNanos()) + ")";
    }

    /**
     * {@code heap_0.pb.gz (2103 bytes, 2026-11-21 13:49:40 UTC)}, several joined by {@code  + }; a time the
     * input does not record says where it came from ({@code , time from the file name}); a profile near
     * its producer's cap on samples says so, and one read from part of a longer text which part.
     */
    public static String inputs(List<Snapshot> inputs, String type) {
        List<String> parts = new ArrayList<>();
        for (Snapshot s : inputs) {
            List<String> facts = new ArrayList<>();
            if (s.size() >= 0) {
                facts.add(s.size() + " bytes");
            }
            if (s.timeNanos() != 0) {
                facts.add(time(s.timeNanos()) + (s.timeSource() == null ? "" : ", time " + s.timeSource()));
            }
            String cap = cap(s, type);
            if (cap != null) {
                facts.add(cap);
            }
            if (s.textPart() != null) {
                facts.add(s.textPart());
            }
            parts.add(s.name() + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")"));
        }
        return String.join(" + ", parts);
    }

    /** An input's cap on samples when it is near it and covers the type ("255 of at most 256 samples kept: …"), else null. */
    private static String cap(Snapshot s, String type) {
        return s.cap() != null && s.cap().covers(type) ? s.cap().held() + " of at most " + s.cap().cap()
                + " samples kept: near the cap their number stops growing" : null;
    }

    /**
     * The note that the compared type counts every allocation since a start ({@link AllocationNote}: the
     * wording trend's report gives), or null for a type that does not.
     */
    public static String allocationNote(DiffResult d) {
        Profile current = d.current().profile();
        return AllocationNote.of(d.sampleType().type(), Producers.allocationsSince(current), Producers.retainedType(current));
    }

    /**
     * The options that show every changed node, each between quote ("`" in Markdown): with a shrinking node
     * that --growth-only left out, the --nodefraction and --nodecount that show the others do not show it.
     */
    public static String showAll(DiffResult d, String quote) {
        boolean shrinkingLeftOut = d.options().growthOnly() && d.changed().stream().anyMatch(r -> r.delta() < 0);
        return quote + "--nodefraction 0 --nodecount 0" + quote
                + (shrinkingLeftOut ? " without " + quote + "--growth-only" + quote : "");
    }

    /**
     * The warnings stderr gives on the comparison itself, each one line starting "warning: ": those reading
     * the inputs gave ({@link DiffResult#inputWarnings}: diff DIR compared by name); a side that counts a
     * snapshot saved in two forms twice ({@link TwinSnapshots}); a side that adds up a series, else a base
     * newer than the current profile (a summed base can look newer without being swapped); sides with no
     * node in common.
     */
    public static List<String> warnings(DiffResult d) {
        List<String> w = new ArrayList<>(d.inputWarnings());
        for (Side side : List.of(d.base(), d.current())) {
            TwinSnapshots.warning(side.inputs().stream().map(Snapshot::name).toList(), "the diff").ifPresent(w::add);
        }
        List<Side> summed = d.summedSeries();
        if (d.baseLooksNewer() && summed.isEmpty()) {
            w.add(newerBaseWarning(d));
        }
        summed.forEach(side -> w.add(summedSeriesWarning(d, side)));
        DiffResult.Restart restart = d.restart();
        if (restart != null) {
            w.add(restartWarning(restart));
        }
        if (d.disjoint()) {
            w.add(disjointWarning());
        }
        return w;
    }

    /**
     * stderr's warnings on the comparison ({@link #warnings}) without their "warning: ", as the reports give
     * them: each changes how the numbers read (a text report's {@code Note:} line, Markdown's {@code note:}
     * item, an HTML Note fact, a JSON note).
     */
    public static List<String> warningNotes(DiffResult d) {
        return warnings(d).stream().map(w -> w.substring("warning: ".length())).toList();
    }

    /**
     * Every caveat on what the report shows, one sentence each (JSON's {@code notes}): inputs near their
     * producer's cap on samples, the allocation note, how the sample types were harmonised, and stderr's
     * warnings without their "warning: " ({@link #warningNotes}).
     */
    public static List<String> notes(DiffResult d) {
        List<String> notes = new ArrayList<>();
        String type = d.sampleType().type();
        for (Side side : List.of(d.base(), d.current())) {
            for (Snapshot s : side.inputs()) {
                String cap = cap(s, type);
                if (cap != null) {
                    notes.add((side == d.base() ? "base " : "current ") + s.name() + ": " + cap);
                }
            }
        }
        String allocations = allocationNote(d);
        if (allocations != null) {
            notes.add(allocations);
        }
        String harmonized = ProfileHeader.harmonized(d.current().profile().harmonization);
        if (harmonized != null) {
            notes.add(harmonized);
        }
        notes.addAll(warningNotes(d));
        return notes;
    }

    /** The summary of the totals: {@code 5MB -> 40MB: +35MB (+700.0%) in 9s, +13GB per hour}. */
    public String totals(DiffResult d, String arrow) {
        StringBuilder sb = new StringBuilder();
        sb.append(value(d.baseTotal())).append(' ').append(arrow).append(' ').append(value(d.currentTotal()))
                .append(": ").append(signed(d.netChange()));
        if (d.netPct() != null) {
            sb.append(" (").append(pct(d.netPct())).append(')');
        }
        if (d.elapsedNanos() != null) {
            sb.append(" in ").append(roundedDuration(d.elapsedNanos(), false));
            if (d.growthPerHour() != null) {
                sb.append(", ").append(signed(d.growthPerHour())).append(" per hour");
            }
        }
        if (d.netChange() != 0 && d.noise().estimated() && Math.abs(d.netChange()) <= d.netNoiseMargin()) {
            sb.append(" (").append(GateStatus.WITHIN_NOISE).append(')');
        }
        return sb.toString();
    }

    /** A duration in milliseconds under a minute, in whole seconds above; exact: as is when that gives 0. */
    private static String roundedDuration(long nanos, boolean exact) {
        long step = Math.abs(nanos) < 60_000_000_000L ? 1_000_000L : 1_000_000_000L;
        long rounded = Math.round((double) nanos / step) * step;
        return GoDuration.format(rounded == 0 && exact ? nanos : rounded);
    }

    /** The gross change: {@code 15.33GB (+6.62GB growth, -8.71GB shrinkage)}. */
    public String gross(DiffResult d) {
        return value(d.grossChange()) + " (" + signed(d.grossGrowth()) + " growth, " + signed(-d.grossShrink())
                + " shrinkage; the sum of |flat change| over all nodes)";
    }

    /** The noise rule, in one sentence: how sampling error is estimated, or why it is not. */
    public static String noiseRule(NoiseModel n, String unit) {
        String rule = "a change within " + NoiseModel.SIGMAS + " standard deviations of sampling error is marked noise";
        String counted = ": sd = sqrt(|base| + |current|), as for counts of random samples)";
        String real = ": every change counts as real";
        switch (n.basis()) {
            case EVERY_OBJECT -> {
                return "no sampling error: a class histogram counts every object, so every change counts as real";
            }
            case EVERY_VALUE -> {
                return "no sampling error: every value is recorded (sampling period 1), so every change counts as real";
            }
            case OLD_OBJECT_RESERVOIR -> {
                String most = n.other() > 0 ? "at most " + n.other() : "a fixed number (256 by default)";
                return n.estimated() ? rule + " (the values count objects jdk.OldObjectSample sampled, a reservoir of "
                        + most + " kept, not a sample at a known period" + counted
                        : "not estimated (jdk.OldObjectSample keeps a reservoir of " + most + " sampled objects, not a"
                        + " sample at a known period)" + real;
            }
            case JFR_ALLOCATION_EVENTS -> {
                String events = "Flight Recorder's allocation events are taken per TLAB or at a throttled rate, not at"
                        + " a known period";
                return n.estimated() ? rule + " (the values count events; " + events + counted
                        : "not estimated (" + events + ")" + real;
            }
            case ASYNC_PROFILER -> {
                return n.estimated() ? rule + " (the values count objects async-profiler sampled, at an interval the"
                        + " profile does not give" + counted
                        : "not estimated (async-profiler samples objects at an interval the profile does not give, and"
                        + " its values are the sampled objects' own sizes, not estimates of the heap)" + real;
            }
            case PERIOD_IN_OTHER_UNIT -> {
                return "not estimated (the profile's sampling period, " + n.other() + " " + n.otherUnit()
                        + ", does not apply to values in " + unit + ")" + real;
            }
            case NO_PERIOD -> {
                return "not estimated (the profile records no sampling period; --sampling-period sets one)" + real;
            }
            case RECORDED_PERIOD, STATED_PERIOD -> {
            }
        }
        String stated = n.basis() == NoiseModel.Basis.STATED_PERIOD ? ", as --sampling-period states" : "";
        if (n.period() == 1) { // --sampling-period 1: as stated, though nothing would be left out
            return rule + " (sampling period 1" + stated + "; sd = sqrt(|base| + |current|))";
        }
        return rule + " (sampling period " + n.period() + " " + n.periodUnit() + stated
                + "; sd = sqrt(period * (|base| + |current|)))";
    }

    /** What was asked, in one line: value, granularity, order, filters, normalisation. */
    public static String options(DiffResult d) {
        var o = d.options();
        List<String> parts = new ArrayList<>();
        String per = switch (o.graph().granularity()) {
            case FUNCTIONS -> "function";
            case FILEFUNCTIONS -> "function and file";
            case FILES -> "file";
            case LINES -> "line";
            case ADDRESSES -> "address";
        };
        parts.add((o.cum() ? "cum" : "flat") + " per " + per + (o.graph().noInlines() ? " (inlines folded)" : ""));
        parts.add("sorted by " + o.sort().name().toLowerCase(Locale.ROOT));
        if (o.nodeFraction() > 0) {
            parts.add("changes below " + String.format(Locale.ROOT, "%.3g", o.nodeFraction() * 100)
                    + "% of the gross change hidden");
        }
        List<String> filters = o.filters().describe();
        if (!filters.isEmpty()) {
            // the user's own regexes, escaped like names from profiles: a report line never holds a control character
            parts.add("filtered by " + Printable.of(String.join(", ", filters)) + " (totals are of the kept samples)");
        }
        if (o.growthOnly()) {
            parts.add("growth only");
        }
        if (o.nodeCount() > 0) {
            parts.add("at most " + Plural.of(o.nodeCount(), "row"));
        }
        parts.add(o.normalize() ? String.format(Locale.ROOT, "base normalized (x%.4f) to the current total",
                d.baseScale()) : "not normalized");
        return String.join("; ", parts);
    }
}
