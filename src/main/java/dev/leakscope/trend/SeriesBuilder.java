package dev.leakscope.trend;

import dev.leakscope.graph.Graph;
import dev.leakscope.graph.GraphBuilder;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.NodeInfo;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.graph.ViaValues;
import dev.leakscope.util.Plural;
import dev.leakscope.diff.NoiseModel;
import dev.leakscope.util.FileTime;
import dev.leakscope.util.SnapshotOrder;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Producers;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.SampleCap;
import dev.leakscope.profile.SampleIndex;
import dev.leakscope.profile.transform.SampleTypeHarmonizer;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.InputException;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Builds a {@link Series} from snapshots added one at a time: each profile is reduced to one value per
 * node at once and can then be dropped, so a long series never holds more than the profiles being
 * reduced (one per thread that reduces them, see {@link #begin}). Nodes
 * are matched across snapshots by identity (name, file, line… at the granularity), never by id.
 */
public final class SeriesBuilder {
    private final Granularity granularity;
    private final boolean noInlines;
    private final boolean cum;
    private final ToIntFunction<Profile> sampleIndex;
    /** The sample type named on the command line (null: chosen by sampleIndex on the first snapshot). */
    private final String requested;
    /**
     * Whether the series may follow the count of capped samples in place of their sizes, the default type
     * ({@link #counts}): no sample type was given, nor an amount of bytes to compare with.
     */
    private final boolean countsWhenCapped;
    /**
     * When the default type is the sizes of samples a producer caps (live_space of JFR's old-object
     * samples): the same series of their count (live_objects), or null. {@link #build(int)} returns it
     * when the series reaches the cap.
     */
    private SeriesBuilder counts;

    private final List<String> names = new ArrayList<>();
    private final List<Series.Notes> notes = new ArrayList<>();
    private int[] arguments = new int[8];
    private final List<SampleTypeHarmonizer.Shape> shapes = new ArrayList<>();
    /** The measurement the series follows, in every snapshot's own column (see {@link SampleTypeHarmonizer}). */
    private ValueType wanted;
    /** The snapshots that do not have it. */
    private final List<String> lacking = new ArrayList<>();
    /** Whether a snapshot lacking the type is a recording without old-object samples (whose comment says how to record them). */
    private boolean noOldObjects;
    private boolean withRetention;
    private long[] times = new long[8];
    /** Per snapshot, its file's time ({@link FileTime}), for text snapshots that have no time of their own. */
    private long[] fileTimes = new long[8];
    /** Where the file times known come from: one source, or null when they are of several. */
    private FileTime.Source fileTimeSource;
    private boolean fileTimeSources;
    private boolean anyModified;
    private long[] totals = new long[8];
    private final Map<NodeInfo, Integer> nodeIndex = new HashMap<>();
    private final List<NodeInfo> nodes = new ArrayList<>();
    private final List<long[]> values = new ArrayList<>();
    /** Per node, in-use and allocated space of each snapshot (only when the profiles have both). */
    private final List<long[]> inuse = new ArrayList<>();
    private final List<long[]> alloc = new ArrayList<>();
    private long[] inuseTotals = new long[8];
    /** Per (leaf node, via node) pair of global node ids (see {@link ViaValues}), the value per snapshot. */
    private final Map<Long, long[]> vias = new HashMap<>();
    private long[] allocTotals = new long[8];

    /**
     * @param sampleIndex chooses the sample type from the first snapshot (the others must have the same types)
     * @param cum         use cumulative values instead of flat ones
     */
    public SeriesBuilder(Granularity granularity, boolean noInlines, boolean cum, ToIntFunction<Profile> sampleIndex) {
        this(granularity, noInlines, cum, sampleIndex, null, false);
    }

    private SeriesBuilder(Granularity granularity, boolean noInlines, boolean cum, ToIntFunction<Profile> sampleIndex,
                          String requested, boolean countsWhenCapped) {
        this.granularity = granularity;
        this.noInlines = noInlines;
        this.cum = cum;
        this.sampleIndex = sampleIndex;
        this.requested = requested;
        this.countsWhenCapped = countsWhenCapped;
    }

    /**
     * A builder following the sample type named or numbered as {@code --sample-index} does (null or
     * empty: the first snapshot's default), in every snapshot that has it under any form: a legacy heap
     * text taken before anything was freed has {@code alloc_space} as {@code space}.
     */
    public static SeriesBuilder forSampleIndex(Granularity granularity, boolean noInlines, boolean cum,
                                               String sampleIndex) {
        return forSampleIndex(granularity, noInlines, cum, sampleIndex, false);
    }

    /**
     * As {@link #forSampleIndex(Granularity, boolean, boolean, String)}; with countsWhenCapped (trend, unless
     * an option compares the values with an amount of bytes) and no sample type given, a series whose default
     * type is the sizes of samples a producer caps, and that reaches that cap, follows their count
     * instead ({@link Series#replaced()}): the JVM keeps at most 256 old-object samples, picked as memory
     * is allocated, so their count already follows the bytes, while the sum of their own sizes jumps with
     * each large object that happens to be sampled (JDK 21+ records sizes).
     */
    public static SeriesBuilder forSampleIndex(Granularity granularity, boolean noInlines, boolean cum,
                                               String sampleIndex, boolean countsWhenCapped) {
        boolean given = sampleIndex != null && !sampleIndex.isEmpty();
        boolean byName = given && !sampleIndex.matches("[+-]?\\d+");
        return new SeriesBuilder(granularity, noInlines, cum, p -> SampleIndex.resolve(p, sampleIndex),
                byName ? sampleIndex : null, countsWhenCapped && !given);
    }

    /**
     * Adds the next snapshot.
     *
     * @param argument the index of the command-line argument it comes from (members of a directory or
     *                 archive share one)
     */
    public void add(int argument, String name, Profile p) {
        add(argument, name, p, FileTime.NONE);
    }

    /**
     * As {@link #add(int, String, Profile)}, with the time of its file or fetch: a series whose profiles
     * have no time of their own is ordered by those ({@link SnapshotOrder#times}).
     */
    public void add(int argument, String name, Profile p, FileTime file) {
        begin(argument, name, p, file).get().run();
    }

    /**
     * Adds the next snapshot in stages, so that snapshots can be reduced at once on several threads: this
     * takes what is known of it without a pass over its samples; the task it returns reduces the profile
     * to values per node (on any thread, the profile can then be dropped); and what that task returns
     * adds those values. Snapshots are begun, and their values added, in series order: arguments as for
     * {@link #add(int, String, Profile, FileTime)}.
     */
    public Supplier<Runnable> begin(int argument, String name, Profile p, FileTime file) {
        int s = names.size();
        if (s == arguments.length) {
            arguments = Arrays.copyOf(arguments, s * 2);
        }
        arguments[s] = argument;
        names.add(name);
        notes.add(Series.Notes.of(p));
        SampleTypeHarmonizer.Shape shape = SampleTypeHarmonizer.Shape.of(p);
        shapes.add(shape);
        if (s == 0) {
            wanted = requested != null ? new ValueType(requested, null) : shape.meaning(sampleIndex.applyAsInt(p));
            // Retention (in-use / allocated) when the first snapshot has both (one column: nothing freed).
            withRetention = shape.column("inuse_space", "bytes") >= 0 && shape.column("alloc_space", "bytes") >= 0;
            String count = countOfCapped(notes.get(0).cap(), shape);
            if (count != null) {
                counts = new SeriesBuilder(granularity, noInlines, cum, sampleIndex, count, false);
            }
        }
        Supplier<Runnable> own = beginOwn(s, p, shape, name, file);
        if (counts == null) {
            return own;
        }
        Supplier<Runnable> count = counts.begin(argument, name, p, file);
        return () -> {
            Runnable a = own.get();
            Runnable b = count.get();
            return () -> {
                a.run();
                b.run();
            };
        };
    }

    /**
     * The count type ({@code live_objects}) of the sizes that are the default type ({@code live_space})
     * when both are made of samples a producer caps and the series may follow the count, else null.
     */
    private String countOfCapped(SampleCap cap, SampleTypeHarmonizer.Shape shape) {
        if (!countsWhenCapped || requested != null || cap == null || wanted.unit() == null
                || !wanted.unit().equals("bytes") || !wanted.type().endsWith("_space")) {
            return null;
        }
        String count = wanted.type().substring(0, wanted.type().length() - "_space".length()) + "_objects";
        return cap.covers(wanted.type()) && cap.covers(count) && shape.column(count, "count") >= 0 ? count : null;
    }

    /** The part of {@link #begin} that follows the series' own type. */
    private Supplier<Runnable> beginOwn(int s, Profile p, SampleTypeHarmonizer.Shape shape, String name, FileTime file) {
        int index = shape.column(wanted.type(), wanted.unit());
        if (index < 0) {
            lacking.add(name);
            noOldObjects |= Producers.lacksOldObjects(p);
            return () -> () -> { };
        }
        if (wanted.unit() == null) {
            wanted = shape.named(wanted.type(), null); // named on the command line: its unit from here on
        }
        notes.set(s, notes.get(s).withNoise(NoiseModel.of(p, p, wanted, 1, 0)));
        int inuseSpace = withRetention ? shape.column("inuse_space", "bytes") : -1;
        int allocSpace = withRetention ? shape.column("alloc_space", "bytes") : -1;
        if (withRetention && (inuseSpace < 0 || allocSpace < 0)) {
            withRetention = false;
        }
        if (s >= times.length) { // (snapshots lacking the type, below, take no room)
            int n = Math.max(s + 1, times.length * 2);
            times = Arrays.copyOf(times, n);
            fileTimes = Arrays.copyOf(fileTimes, n);
            totals = Arrays.copyOf(totals, n);
            inuseTotals = Arrays.copyOf(inuseTotals, n);
            allocTotals = Arrays.copyOf(allocTotals, n);
        }
        times[s] = p.timeNanos();
        fileTimes[s] = file.nanos();
        if (file.nanos() != 0) {
            fileTimeSources |= fileTimeSource != null && fileTimeSource != file.source();
            fileTimeSource = file.source();
            anyModified |= file.source() == FileTime.Source.MODIFIED;
        }
        boolean retention = withRetention;
        return () -> {
            Reduced r = reduce(p, index, retention ? inuseSpace : -1, retention ? allocSpace : -1);
            return () -> add(s, r);
        };
    }

    /**
     * A snapshot's values per node of its own node table, of the series' type and, with retention, of
     * in-use and allocated space (null without), and its via pairs (null for cum values).
     */
    private record Reduced(NodeTable table, Graph values, Graph inuse, Graph alloc, ViaValues vias,
                           long total, long inuseTotal, long allocTotal) {
    }

    private Reduced reduce(Profile p, int index, int inuseSpace, int allocSpace) {
        NodeTable table = NodeTable.build(p, GraphOptions.of(granularity, noInlines, index));
        Graph values = graph(p, table, index);
        long total = p.total(index);
        if (inuseSpace < 0) {
            return new Reduced(table, values, null, null, vias(p, table, index), total, 0, 0);
        }
        // the series' own type is often one of the two (inuse_space): its values are not computed again
        return new Reduced(table, values, inuseSpace == index ? values : graph(p, table, inuseSpace),
                allocSpace == index ? values : graph(p, table, allocSpace), vias(p, table, index), total,
                inuseSpace == index ? total : p.total(inuseSpace), allocSpace == index ? total : p.total(allocSpace));
    }

    private Graph graph(Profile p, NodeTable table, int type) {
        return GraphBuilder.build(p, table, GraphOptions.of(granularity, noInlines, type), null, false);
    }

    private ViaValues vias(Profile p, NodeTable table, int index) {
        return cum ? null : ViaValues.of(p, table, index);
    }

    private void add(int s, Reduced r) {
        int[] global = new int[r.table.size()];
        for (int n = 0; n < global.length; n++) {
            global[n] = intern(r.table.info(n));
        }
        collect(r.values, global, values, s);
        if (r.vias != null) {
            collectVias(r.vias, global, s);
        }
        totals[s] = r.total;
        if (r.inuse != null && withRetention) { // (a later snapshot may have ended retention since it began)
            collect(r.inuse, global, inuse, s);
            collect(r.alloc, global, alloc, s);
            inuseTotals[s] = r.inuseTotal;
            allocTotals[s] = r.allocTotal;
        }
    }

    /**
     * The series, in time order when every snapshot has its own timestamp (text snapshots: their files'
     * times), else in argument order and by name within a directory or archive ({@link SnapshotOrder}).
     */
    public Series build() {
        return build(2);
    }

    /** As {@link #build()}, from at least minimum snapshots (1: a series that has just begun). */
    public Series build(int minimum) {
        Series own = buildOwn(minimum);
        if (counts != null && own.firstCapped() >= 0 && counts.lacking.isEmpty()) {
            return counts.buildOwn(minimum).replacing(own.type());
        }
        return own;
    }

    /**
     * Of a series of one text that holds several class histograms (jcmd's output appended with {@code >>}),
     * why only one counts and what to do instead; else "".
     */
    private String histogramsInOneFile() {
        String part = notes.get(0).textPart();
        java.util.regex.Matcher m = part == null ? null : LAST_OF.matcher(part);
        return m == null || !m.find() ? "" : " (" + names.get(0) + " holds " + m.group(1) + " class histograms, and"
                + " of each file only the last counts: save each in a file of its own, named by its time, e.g."
                + " jcmd PID GC.class_histogram > histo-$(date -u +%Y%m%dT%H%M%SZ).txt)";
    }

    private static final java.util.regex.Pattern LAST_OF = java.util.regex.Pattern.compile("the last of (\\d+)");

    private Series buildOwn(int minimum) {
        int n = names.size();
        Harmonization note = SampleTypeHarmonizer.describe(shapes, names);
        if (!lacking.isEmpty()) {
            List<String> common = new ArrayList<>();
            SampleTypeHarmonizer.common(shapes, names).forEach(t -> common.add(t.type()));
            throw new UsageException(SampleIndex.missing(wanted.type(), lacking, common)
                    + (noOldObjects && wanted.type().startsWith("live_") ? "; " + Producers.NO_OLD_OBJECTS : ""));
        }
        if (n < minimum || n == 0) {
            throw new InputException("a trend needs at least " + Plural.of(minimum, "snapshot") + ", got " + n
                    + (n == 1 ? histogramsInOneFile() : ""));
        }
        int[] args = Arrays.copyOf(arguments, n);
        long[] own = Arrays.copyOf(times, n);
        if (fileTimeSource == FileTime.Source.FETCH && !fileTimeSources && !SnapshotOrder.byTime(own, names)) {
            // a service that answers with an older profile (a cache) repeats its time_nanos: a watch then
            // goes by its fetch times, which are always its own
            own = new long[n];
        }
        SnapshotOrder.Timing timing = SnapshotOrder.times(own, Arrays.copyOf(fileTimes, n), anyModified, names);
        long[] snapshotTimes = timing.times();
        int[] order = SnapshotOrder.order(args, names, timing);
        Series.Order how = switch (timing.source()) {
            case OWN -> Series.Order.TIME;
            case TWINS -> Series.Order.TWIN_TIMES;
            case FILES -> fileOrder();
            case NONE -> args[0] == args[n - 1] ? Series.Order.NAMES : Series.Order.ARGUMENTS;
        };
        int last = order[n - 1];
        List<String> ordered = new ArrayList<>(n);
        List<Series.Notes> orderedNotes = new ArrayList<>(n);
        long[] time = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            ordered.add(names.get(order[i]));
            orderedNotes.add(notes.get(order[i]));
            time[i] = snapshotTimes[order[i]];
            total[i] = totals[order[i]];
        }
        long[][] v = new long[nodes.size()][];
        double[] retention = new double[nodes.size()];
        for (int node = 0; node < v.length; node++) {
            long[] raw = values.get(node);
            v[node] = new long[n];
            for (int i = 0; i < n; i++) {
                v[node][i] = order[i] < raw.length ? raw[order[i]] : 0;
            }
            retention[node] = !withRetention ? Double.NaN : ratio(at(inuse.get(node), last), at(alloc.get(node), last));
        }
        double totalRetention = !withRetention ? Double.NaN : ratio(inuseTotals[last], allocTotals[last]);
        // A series of one form keeps its own type name (space for two-type heap texts).
        ValueType t = note.isNone() ? shapes.get(0).types().get(shapes.get(0).column(wanted.type(), wanted.unit()))
                : wanted;
        List<NodeInfo> via = new ArrayList<>(nodes.size());
        for (int node : vias(order[0], last, v)) {
            via.add(node < 0 ? null : nodes.get(node));
        }
        return new Series(t.type(), t.unit(), List.copyOf(ordered), time, how, List.copyOf(nodes), v, total,
                retention, totalRetention, java.util.Collections.unmodifiableList(via), note,
                List.copyOf(orderedNotes));
    }

    private Series.Order fileOrder() {
        if (fileTimeSources) {
            return Series.Order.FILE_TIMES;
        }
        return switch (fileTimeSource) {
            case NAME -> Series.Order.FILE_NAMES;
            case MODIFIED -> Series.Order.FILE_TIMES;
            case FETCH -> Series.Order.FETCH_TIMES;
        };
    }

    private static long at(long[] row, int s) {
        return s < row.length ? row[s] : 0;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private int intern(NodeInfo info) {
        Integer i = nodeIndex.get(info);
        if (i == null) {
            i = nodes.size();
            nodeIndex.put(info, i);
            nodes.add(info);
            values.add(new long[times.length]);
            if (withRetention) {
                inuse.add(new long[times.length]);
                alloc.add(new long[times.length]);
            }
        }
        return i;
    }

    private void collect(Graph g, int[] global, List<long[]> into, int s) {
        for (int n : g.nodes()) {
            long[] row = into.get(global[n]);
            if (s >= row.length) {
                row = Arrays.copyOf(row, times.length);
                into.set(global[n], row);
            }
            row[s] = cum ? g.cum(n) : g.flat(n);
        }
    }

    private void collectVias(ViaValues v, int[] global, int s) {
        for (int i = 0; i < v.size(); i++) {
            long key = ViaValues.key(global[ViaValues.leaf(v.key(i))], global[ViaValues.via(v.key(i))]);
            long[] row = vias.computeIfAbsent(key, k -> new long[times.length]);
            if (s >= row.length) {
                row = Arrays.copyOf(row, times.length);
                vias.put(key, row);
            }
            row[s] = v.value(i);
        }
    }

    /**
     * Per node, the via node whose pair grew the most from the first snapshot to the last (shrank the
     * most for a shrinking node), or -1, also when it carried too little of the node's change to be named
     * ({@link ViaValues#named}: the rule of diff's via).
     */
    private int[] vias(int first, int last, long[][] v) {
        int[] via = new int[nodes.size()];
        long[] best = new long[nodes.size()];
        Arrays.fill(via, -1);
        for (Map.Entry<Long, long[]> e : vias.entrySet()) {
            int leaf = ViaValues.leaf(e.getKey());
            long change = at(e.getValue(), last) - at(e.getValue(), first);
            long nodeChange = v[leaf][v[leaf].length - 1] - v[leaf][0];
            if (nodeChange != 0 && Long.signum(change) == Long.signum(nodeChange)
                    && Math.abs(change) > Math.abs(best[leaf])) {
                best[leaf] = change;
                via[leaf] = ViaValues.via(e.getKey());
            }
        }
        for (int node = 0; node < via.length; node++) {
            if (via[node] >= 0 && !ViaValues.named(best[node], v[node][v[node].length - 1] - v[node][0])) {
                via[node] = -1;
            }
        }
        return via;
    }

}
