package dev.leakscope.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fits every row of a series and ranks the leak suspects. The rule, as the README states it: a row is
 * a suspect when it grew from the first snapshot to the last by at least 1% of the final total, at
 * least 80% of its steps did not go down, no single step made more than half of its growth (two thirds
 * over three steps, below), and a straight line fits it with R² of at least 0.8. Rows are ranked
 * suspects first, each group by slope × R² × monotonicity (ties, such as shrinking rows whose
 * monotonicity is 0, by slope).
 *
 * <p>Snapshots near their producer's cap on samples ({@link Series#firstCapped()}: the JVM keeps 256
 * old-object samples) cannot grow any more: the rows are then fitted up to the first capped snapshot,
 * where the counts still show the growth, and a row that lost samples after the cap (others displaced
 * them: {@link #keptAfterCap}) is no suspect; such a fit over two steps allows a larger step (2/3 of
 * the growth: two equal steps of a steady leak rarely are). So does any fit over three steps: the
 * largest is at least a third of the growth, and the steps of a steady leak are seldom equal (a heap
 * also moves with its collections), so that half turned away most real leaks watched over a window of
 * four snapshots.
 */
public final class TrendAnalysis {
    static final double MIN_GROWTH_SHARE = 0.01;
    static final double MIN_MONOTONICITY = 0.8;
    static final double MAX_STEP_SHARE = 0.5;
    static final double MAX_STEP_SHARE_FEW_STEPS = 2.0 / 3;
    static final double MIN_R2 = 0.8;

    /** The rows' order: suspects first, each group by score. */
    static final Comparator<Trend.Row> RANK = Comparator.comparing((Trend.Row r) -> !r.stats().suspect())
            .thenComparing(r -> -r.stats().score())
            .thenComparing(r -> -r.stats().slope())
            .thenComparing(r -> -r.stats().last())
            .thenComparing(Trend.Row::name);

    private TrendAnalysis() {
    }

    public static Trend analyze(Series s) {
        double[] x = x(s);
        int fitted = fitted(s);
        long finalTotal = Math.abs(s.totals()[s.size() - 1]);
        Stats total = fitted(s.totals(), x, fitted, s.totalRetention(), finalTotal);
        List<Trend.Row> rows = new ArrayList<>();
        for (int n = 0; n < s.nodes().size(); n++) {
            long[] v = s.values()[n];
            if (allZero(v)) {
                continue;
            }
            rows.add(new Trend.Row(s.nodes().get(n), s.via().get(n), fitted(v, x, fitted, s.retention()[n], finalTotal)));
        }
        rows.sort(RANK);
        return new Trend(s, total, rows);
    }

    /**
     * At most count rows, by rank, that grow steadily by every rule but the floor (growth of at least 1% of
     * the final total), by at least a tenth of it (so not a few bytes of a runtime's pools), and that more
     * than doubled: in a class histogram, the application's own class whose instances hold the byte[] that
     * is the suspect.
     */
    public static List<Trend.Row> steadyBelowFloor(Trend t, int count) {
        Series s = t.series();
        double[] x = x(s);
        int fitted = fitted(s);
        double least = MIN_GROWTH_SHARE / 10 * Math.abs(s.totals()[s.size() - 1]);
        List<Trend.Row> out = new ArrayList<>();
        for (Trend.Row r : t.rows()) {
            if (out.size() == count) {
                break;
            }
            Stats st = r.stats();
            long[] v = st.values();
            if (!st.suspect() && st.growth() > 0 && st.growth() >= least && v[v.length - 1] > 2 * v[0]
                    && fitted(v, x, fitted, st.retention(), 0).suspect()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The times of the snapshots in hours, or their indexes when they have none. */
    private static double[] x(Series s) {
        double[] x = s.hours();
        if (x == null) {
            x = new double[s.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
        }
        return x;
    }

    /** How many snapshots the rows are fitted over: all, or up to the first capped one. */
    private static int fitted(Series s) {
        int capped = s.firstCapped();
        return capped < 0 ? s.size() : capped + 1;
    }

    /**
     * The statistics of one row fitted over its first {@code fitted} values (all: as {@link #stats});
     * the row keeps all its values. Fewer than 3 values fitted tell no suspect.
     */
    static Stats fitted(long[] v, double[] x, int fitted, double retention, long finalTotal) {
        if (fitted == v.length) {
            return stats(v, x, retention, finalTotal);
        }
        Stats w = stats(Arrays.copyOf(v, fitted), Arrays.copyOf(x, fitted), retention, finalTotal);
        boolean steady = fitted >= 3 && w.growth() > 0
                && w.monotonicity() >= MIN_MONOTONICITY && w.r2() >= MIN_R2
                && w.maxStepShare() <= maxStepShare(fitted - 1, true)
                && keptAfterCap(v, fitted);
        // the growth shown (and gated) is first to last, as for any row; the fit and the rule use the window
        return new Stats(v, w.slope(), w.r2(), w.monotonicity(), v[v.length - 1] - v[0], w.maxStepShare(), retention,
                w.score(), steady, steady && pastFloor(w.growth(), finalTotal));
    }

    /** The statistics of one row; finalTotal sets the smallest growth that counts. */
    static Stats stats(long[] v, double[] x, double retention, long finalTotal) {
        int n = v.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += v[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = v[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double r2 = sxx == 0 || syy == 0 ? 0 : sxy * sxy / (sxx * syy);
        int up = 0;
        long maxStep = 0;
        for (int i = 1; i < n; i++) {
            long step = v[i] - v[i - 1];
            if (step >= 0) {
                up++;
            }
            maxStep = Math.max(maxStep, step);
        }
        double monotonicity = n > 1 ? (double) up / (n - 1) : 0;
        long growth = v[n - 1] - v[0];
        double maxStepShare = growth > 0 ? (double) maxStep / growth : 1;
        boolean steady = growth > 0
                && monotonicity >= MIN_MONOTONICITY && maxStepShare <= maxStepShare(n - 1, false) && r2 >= MIN_R2;
        double score = slope * r2 * monotonicity;
        return new Stats(v, slope, r2, monotonicity, growth, maxStepShare, retention, score, steady,
                steady && pastFloor(growth, finalTotal));
    }

    /** Whether a growth is at least 1% of the final total: the suspect rule's floor. */
    private static boolean pastFloor(long growth, long finalTotal) {
        return growth >= MIN_GROWTH_SHARE * finalTotal;
    }

    /**
     * Whether a row kept its samples after the cap: its last value at least 95% of its value at the cap.
     * Past the cap new samples replace old ones at random, so a leak's count wavers by a few (247, 232,
     * 246); a row that lost more was displaced by others.
     */
    static boolean keptAfterCap(long[] v, int fitted) {
        long atCap = v[fitted - 1];
        return v[v.length - 1] >= atCap - atCap / 20;
    }

    /** The largest share of the growth one of so many steps may make, fitted up to a cap or not (class comment). */
    static double maxStepShare(int steps, boolean capped) {
        return steps == 3 || capped && steps == 2 ? MAX_STEP_SHARE_FEW_STEPS : MAX_STEP_SHARE;
    }

    private static boolean allZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
