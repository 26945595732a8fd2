package dev.leakscope.trend;

import dev.leakscope.diff.NoiseModel;
import dev.leakscope.graph.CallTree;
import dev.leakscope.graph.Granularity;
import dev.leakscope.graph.GraphOptions;
import dev.leakscope.graph.NodeTable;
import dev.leakscope.util.FileTime;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import dev.leakscope.profile.transform.SampleTypeHarmonizer;
import dev.leakscope.util.LongList;
import dev.leakscope.util.SnapshotOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The first and the last snapshot of a series, for the flame graph of its growth. Snapshots come one
 * at a time and the series order ({@link SnapshotOrder}) is only known once all have come, so this
 * keeps the few that can still end up first or last by any rule: the oldest and newest by their own
 * time and by their files' time, and the first and last by argument and name. At most six profiles are
 * held, however long the series.
 */
public final class SeriesEnds {
    private record Snapshot(int argument, String name, long time, long fileTime, Profile profile) {
    }

    private final LongList times = new LongList();
    private final LongList fileTimes = new LongList();
    private final List<String> names = new ArrayList<>();
    private boolean anyModified;
    private Snapshot oldest;
    private Snapshot newest;
    private Snapshot oldestFile;
    private Snapshot newestFile;
    private Snapshot firstGiven;
    private Snapshot lastGiven;

    /** Adds the next snapshot (arguments as for {@link SeriesBuilder#add(int, String, Profile, FileTime)}). */
    public void add(int argument, String name, Profile p, FileTime file) {
        Snapshot s = new Snapshot(argument, name, p.timeNanos(), file.nanos(), p);
        times.add(s.time);
        fileTimes.add(s.fileTime);
        names.add(name);
        anyModified |= file.nanos() != 0 && file.source() == FileTime.Source.MODIFIED;
        // ties keep the earlier snapshot first and the later one last, as SnapshotOrder's stable sort does
        // by their own time, of those that have one (another form of a snapshot takes its twin's: the same values)
        if (s.time != 0 && (oldest == null || s.time < oldest.time)) {
            oldest = s;
        }
        if (s.time != 0 && (newest == null || s.time >= newest.time)) {
            newest = s;
        }
        if (oldestFile == null || s.fileTime < oldestFile.fileTime) {
            oldestFile = s;
        }
        if (newestFile == null || s.fileTime >= newestFile.fileTime) {
            newestFile = s;
        }
        if (firstGiven == null || given(s, firstGiven) < 0) {
            firstGiven = s;
        }
        if (lastGiven == null || given(s, lastGiven) >= 0) {
            lastGiven = s;
        }
    }

    private static int given(Snapshot a, Snapshot b) {
        int c = Integer.compare(a.argument, b.argument);
        return c != 0 ? c : SnapshotOrder.NATURAL.compare(a.name, b.name);
    }

    public Profile first() {
        return switch (source()) {
            case OWN, TWINS -> oldest.profile;
            case FILES -> oldestFile.profile;
            case NONE -> firstGiven.profile;
        };
    }

    public Profile last() {
        return switch (source()) {
            case OWN, TWINS -> newest.profile;
            case FILES -> newestFile.profile;
            case NONE -> lastGiven.profile;
        };
    }

    private SnapshotOrder.Source source() {
        return SnapshotOrder.times(times.toArray(), fileTimes.toArray(), anyModified, names).source();
    }

    /**
     * The call tree of the last snapshot with the first one's values beside it (column
     * {@link dev.leakscope.diff.DiffTree#BASE} the first, {@link dev.leakscope.diff.DiffTree#CURRENT} the
     * last), of the values of type, wherever each snapshot has it ({@link SampleTypeHarmonizer.Shape}).
     */
    public CallTree tree(Granularity granularity, boolean noInlines, ValueType type) {
        Profile a = first();
        Profile b = last();
        int ia = column(a, type);
        int ib = column(b, type);
        List<NodeTable> tables = NodeTable.shared(List.of(a, b), GraphOptions.of(granularity, noInlines, ib));
        CallTree tree = new CallTree(tables.get(1), 2);
        tree.addSamples(a, tables.get(0), ia, 0, 1);
        tree.addSamples(b, tables.get(1), ib, 1, 1);
        return tree;
    }

    /** The sampling noise of a change from the first snapshot to the last, for values of type. */
    public NoiseModel noise(ValueType type) {
        return NoiseModel.of(first(), last(), type, 1, 0);
    }

    private static int column(Profile p, ValueType type) {
        return SampleTypeHarmonizer.Shape.of(p).column(type.type(), type.unit());
    }
}
