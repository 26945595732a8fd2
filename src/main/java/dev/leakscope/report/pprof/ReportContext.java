package dev.leakscope.report.pprof;

import dev.leakscope.profile.transform.Filters;
import dev.leakscope.profile.transform.Merger;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleIndex;
import dev.leakscope.profile.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.leakscope.profile.Units;

/**
 * A profile ready to report on: the chosen sample type, the report total and the output unit, and
 * the value formatting that goes with them (pprof's Report).
 */
public final class ReportContext {
    private final Profile profile;
    private final ReportSettings settings;
    private final int index;
    private final String typeName;
    private final String sampleUnit;
    private final long total;
    private final List<String> notices;
    private String outputUnit;

    private ReportContext(Profile profile, ReportSettings settings, int index, long total, List<String> notices) {
        this.profile = profile;
        this.notices = notices;
        this.settings = settings;
        this.index = index;
        ValueType t = profile.sampleType(index);
        this.typeName = (settings.mean() ? "mean_" : "") + t.type();
        this.sampleUnit = t.unit();
        this.outputUnit = settings.unit();
        this.total = total;
    }

    /**
     * The report on profile with the settings' filters applied as pprof applies them: after the
     * total is computed (so percentages are of the unfiltered profile), or before it with
     * -relative_percentages. Filter notices (a filter that matched nothing) go to notices, and are kept
     * ({@link #notices}).
     */
    public static ReportContext of(Profile profile, ReportSettings settings, Consumer<String> sink) {
        List<String> kept = new ArrayList<>();
        Consumer<String> notices = n -> {
            kept.add(n);
            sink.accept(n);
        };
        Filters filters = settings.filters();
        if (filters.relativePercentages()) {
            profile = filters.apply(profile, notices);
        }
        int index = SampleIndex.resolve(profile, settings.sampleIndex());
        long total = computeTotal(profile, index, settings.mean());
        if (!filters.relativePercentages()) {
            profile = filters.apply(profile, notices);
        }
        return new ReportContext(profile, settings, index, total, kept);
    }

    /**
     * pprof's total: the sum of |value| over all samples (stack-less ones included); with -diff_base,
     * over the base samples only; with -mean, divided by the summed (signed) counts.
     */
    private static long computeTotal(Profile p, int index, boolean mean) {
        long total = 0;
        long div = 0;
        long diffTotal = 0;
        long diffDiv = 0;
        boolean hasBaseLabel = false;
        for (int k = 0; k < p.stringCount() && !hasBaseLabel; k++) {
            hasBaseLabel = p.string(k).equals(Merger.BASE_LABEL);
        }
        for (int s = 0; s < p.sampleCount(); s++) {
            long v = Math.abs(p.value(s, index));
            // pprof takes the absolute value of the value, not of the count it divides by: with
            // -diff_base the base's negative counts give a negative total, and pprof prints it so
            long d = mean ? p.value(s, 0) : 0;
            total += v;
            div += d;
            if (hasBaseLabel && p.stringLabel(s, Merger.BASE_LABEL) != null) {
                diffTotal += v;
                diffDiv += d;
            }
        }
        if (diffTotal > 0) {
            total = diffTotal;
            div = diffDiv;
        }
        return div != 0 ? total / div : total;
    }

    public Profile profile() {
        return profile;
    }

    public ReportSettings settings() {
        return settings;
    }

    public int sampleIndex() {
        return index;
    }

    public String typeName() {
        return typeName;
    }

    public String sampleUnit() {
        return sampleUnit;
    }

    public long total() {
        return total;
    }

    /**
     * What the filters said while the report was made ("Focus expression matched no samples"): pprof's
     * text gives them on stderr only; the other formats, read away from that stderr, carry them too.
     */
    public List<String> notices() {
        return notices;
    }

    /** pprof's formatValue: divided by -divide_by, in the report's output unit. */
    public String format(long v) {
        if (settings.divideBy() != 1) {
            v = (long) (v * (1 / settings.divideBy()));
        }
        return ValueFormat.label(v, sampleUnit, outputUnit);
    }

    /**
     * pprof's selectOutputUnit: with {@code minimum}, the unit of the smallest non-zero node value,
     * or of 100 times it when that still leaves the total in a larger unit.
     */
    void selectOutputUnit(dev.leakscope.graph.Graph g) {
        if (!outputUnit.equals("minimum") || g.nodes().length == 0) {
            return;
        }
        long min = 0;
        long max = total;
        for (int n : g.nodes()) {
            long nodeMin = Math.abs(g.flat(n));
            if (nodeMin == 0) {
                nodeMin = Math.abs(g.cum(n));
            }
            if (nodeMin > 0 && (min == 0 || nodeMin < min)) {
                min = nodeMin;
            }
        }
        double ratio = 1 / settings.divideBy();
        if (ratio > 0 && ratio != 1) {
            min = (long) (min * ratio);
            max = (long) (max * ratio);
        }
        String minUnit = dev.leakscope.profile.Units.scale(min, sampleUnit, "minimum").unit();
        String maxUnit = dev.leakscope.profile.Units.scale(max, sampleUnit, "minimum").unit();
        String unit = minUnit;
        if (!minUnit.equals(maxUnit) && min * 100 < max) {
            unit = dev.leakscope.profile.Units.scale(100 * min, sampleUnit, "minimum").unit();
        }
        outputUnit = unit.isEmpty() ? sampleUnit : unit;
    }
}
