package dev.leakscope.load;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.FileTimes;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.util.FileTime;
import dev.leakscope.util.SnapshotOrder;
import dev.leakscope.input.Snapshots;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.transform.ValueSums;
import dev.leakscope.profile.ProfileStream;
import dev.leakscope.util.InputException;
import dev.leakscope.util.Printable;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Loads the profiles that command-line arguments hold, one at a time: a file is one profile (an
 * error if it is not one); a directory or an archive holds several ({@link Snapshots}), and those of
 * its members that are not profiles are skipped with a warning. A directory or archive with no
 * profile at all is an error; a limit reached is always one.
 */
public final class SnapshotReader {
    private SnapshotReader() {
    }

    /**
     * A snapshot as read.
     *
     * @param argument the index of the command-line argument it comes from
     * @param index    its index among the members of that argument (0 for a file)
     */
    public record Member(int argument, int index, InputSource source) {
        /** The snapshot's name as reports show it: {@link Printable} (archive members are named by the archive). */
        public String name() {
            return Printable.of(source.name());
        }
    }

    /** Receives each profile, with where it comes from. */
    @FunctionalInterface
    public interface Visitor {
        void snapshot(Member member, Profile profile);
    }

    /**
     * Loads every profile the arguments hold, in argument order, the leakscope way: several at once on the
     * cores ({@link #inStages}), visited in order on the calling thread.
     */
    public static void forEach(List<InputSource> args, Limits limits, Consumer<String> warn, Visitor visitor) {
        inStages(args, limits, warn, visiting(visitor));
    }

    /** Visits the files in order, each profile as ahead hands it out. */
    static void forEach(List<InputSource> files, LoadAhead ahead, Visitor visitor) {
        for (int a = 0; a < files.size(); a++) {
            visitor.snapshot(new Member(a, 0, files.get(a)), ahead.next());
        }
    }

    /** Loads every profile of one argument (its index is argument), as {@link #forEach(List, Limits, Consumer, Visitor)}. */
    public static void forEach(int argument, Snapshots arg, Limits limits, Consumer<String> warn, Visitor visitor) {
        inPipeline(pipeline -> inStages(argument, arg, limits, warn, visiting(visitor), pipeline));
    }

    private static Stages visiting(Visitor visitor) {
        return (m, p) -> {
            visitor.snapshot(m, p);
            return null;
        };
    }

    /**
     * The warning for a member of a directory or archive that is not a profile (notes, a build log). A
     * profile that cannot be read (cut short, corrupt) or a limit reached is rethrown: skipped, it would
     * leave a series one snapshot short, and diff DIR would compare the wrong pair, without an error.
     */
    private static String skipping(InputException e) {
        if (!(e instanceof ProfileLoader.NotAProfileException n)) {
            throw e;
        }
        return "skipping " + n.brief();
    }

    /** Fails when a directory or archive of counts[0] entries held no profile (counts[1]). */
    private static void checkSomeProfile(Snapshots arg, int[] counts) {
        if (counts[1] == 0) {
            String name = arg.source().name();
            throw new InputException(name + ": no profile in " + arg.describe()
                    + (counts[0] == 0 ? ": it holds no files" : counts[0] == 1 ? ": its only file is not one"
                    : ": none of its " + counts[0] + " files is one") + subdirectoriesNote(name, arg.subdirectories()));
        }
    }

    /** What to name instead of a directory whose profiles are in sub-directories (as collect keeps several URLs'). */
    private static String subdirectoriesNote(String name, List<String> subdirectories) {
        if (subdirectories.isEmpty()) {
            return "";
        }
        String first = (name.endsWith("/") ? name : name + "/") + subdirectories.get(0);
        return subdirectories.size() == 1
                ? "; its sub-directory is not read: name it (" + first + ")"
                : "; its " + subdirectories.size() + " sub-directories are not read: name one, e.g. " + first
                + " (collect keeps each URL's snapshots in one)";
    }

    /** Takes each profile of a series, in series order. */
    @FunctionalInterface
    public interface Stages {
        /**
         * Runs on the calling thread; the task it returns (if not null) runs on any thread (at once with
         * other snapshots' tasks), and what that returns runs back on the calling thread, in series order.
         */
        Supplier<Runnable> snapshot(Member member, Profile profile);
    }

    /**
     * As {@link #forEach(List, Limits, Consumer, Visitor)}, with the profiles loaded, and the tasks
     * stages returns run, on the cores the machine has ({@link Pipeline}): warnings, calls and failures
     * come in the same order as when the profiles are loaded one after the other.
     */
    public static void inStages(List<InputSource> args, Limits limits, Consumer<String> warn, Stages stages) {
        List<Snapshots> expanded = new ArrayList<>();
        for (InputSource arg : args) {
            expanded.add(Snapshots.of(arg, limits));
        }
        inPipeline(pipeline -> {
            for (int a = 0; a < expanded.size(); a++) {
                inStages(a, expanded.get(a), limits, warn, stages, pipeline);
            }
        });
    }

    /** Queues work on a pipeline and takes it all; a failure reading the series comes after what came before it. */
    private static void inPipeline(Consumer<Pipeline> work) {
        try (Pipeline pipeline = new Pipeline(Runtime.getRuntime().maxMemory())) {
            try {
                work.accept(pipeline);
            } catch (RuntimeException e) {
                pipeline.finishBefore(e);
            }
            pipeline.finish();
        }
    }

    private static void inStages(int argument, Snapshots arg, Limits limits, Consumer<String> warn, Stages stages,
                                 Pipeline pipeline) {
        if (!arg.isCollection()) {
            Member m = new Member(argument, 0, arg.source());
            pipeline.load(m.source().storedSize(), () -> {
                Profile p = ValueSums.summedAhead(ProfileLoader.load(m.source(), limits));
                return () -> then(pipeline, stages.snapshot(m, p));
            });
            return;
        }
        int[] counts = new int[2]; // entries (profiles or not), profiles loaded
        arg.forEach(line -> {
            counts[0]++;
            pipeline.then(() -> warn.accept(line));
        }, (index, member) -> {
            counts[0]++;
            Member m = new Member(argument, index, member);
            pipeline.load(member.storedSize(), () -> {
                Profile p;
                try {
                    p = ValueSums.summedAhead(ProfileLoader.load(member, limits));
                } catch (InputException e) {
                    String skipped = skipping(e);
                    return () -> warn.accept(skipped);
                }
                return () -> {
                    counts[1]++;
                    then(pipeline, stages.snapshot(m, p));
                };
            });
        });
        pipeline.then(() -> checkSomeProfile(arg, counts));
    }

    private static void then(Pipeline pipeline, Supplier<Runnable> task) {
        if (task != null) {
            pipeline.then(task::get);
        }
    }

    /**
     * The profiles of the arguments as a stream for merging; warnings are given on the first pass
     * only.
     */
    public static ProfileStream stream(List<InputSource> args, Limits limits, Consumer<String> warn) {
        boolean[] warned = new boolean[1];
        return each -> {
            Consumer<String> w = warned[0] ? line -> { } : warn;
            forEach(args, limits, w, (m, p) -> each.accept(m.name(), p));
            warned[0] = true;
        };
    }

    /**
     * Of the forms of the snapshot at order[at] (which share its time: {@link SnapshotOrder.Source#TWINS}),
     * the one that has a time of its own, going from at by step; at itself when it has one.
     */
    private static int withOwnTime(int[] order, int at, int step, LongList own, SnapshotOrder.Timing timing) {
        int i = at;
        while (own.get(order[i]) == 0 && timing.source() == SnapshotOrder.Source.TWINS
                && timing.times()[order[i + step]] == timing.times()[order[at]]) {
            i += step;
        }
        return i;
    }

    /**
     * The first and the last snapshot of a directory or archive in series order ({@link SnapshotOrder}:
     * by time when every profile has its own or is another form of one that has, text ones by their files'
     * times as trend orders them, else by name). Every member is loaded once to learn its
     * time; only the two chosen ones are kept (read again from the archive).
     *
     * @param warn   receives one line per member skipped (not a profile)
     * @param byName receives the warning that the profiles' times do not order them, so that the first and the
     *               last by name are taken (a line starting "warning: "), if they do not
     * @return the oldest, then the newest
     */
    public static List<InputSource> oldestAndNewest(Snapshots arg, Limits limits, Consumer<String> warn,
                                                    Consumer<String> byName) {
        List<String> names = new ArrayList<>();
        IntList indexes = new IntList();
        LongList times = new LongList();
        LongList fileTimes = new LongList();
        boolean[] modified = new boolean[1];
        forEach(0, arg, limits, warn, (m, p) -> {
            names.add(m.name());
            indexes.add(m.index());
            times.add(p.timeNanos());
            FileTime file = p.timeNanos() == 0 ? FileTimes.of(m.source()) : FileTime.NONE;
            fileTimes.add(file.nanos());
            modified[0] |= file.nanos() != 0 && file.source() == FileTime.Source.MODIFIED;
        });
        if (names.size() < 2) {
            throw new InputException(arg.source().name() + ": a diff needs 2 profiles, " + arg.describe()
                    + " holds only " + names.get(0));
        }
        // as trend orders them: text snapshots, which have no time, by their files' times
        SnapshotOrder.Timing timing = SnapshotOrder.times(times.toArray(), fileTimes.toArray(), modified[0], names);
        int[] order = SnapshotOrder.order(new int[names.size()], names, timing);
        int first = withOwnTime(order, 0, 1, times, timing);
        int last = withOwnTime(order, order.length - 1, -1, times, timing);
        if (!timing.source().timed()) {
            byName.accept("warning: " + arg.source().name() + ": " + SnapshotOrder.untimed(times.toArray(), "profile")
                    + ", so the diff compares the first and the last profile by name: " + names.get(order[first])
                    + " and " + names.get(order[last]));
        }
        int oldest = indexes.get(order[first]);
        int newest = indexes.get(order[last]);
        InputSource[] chosen = new InputSource[2];
        arg.forEach(line -> { }, (index, member) -> {
            if (index == oldest) {
                chosen[0] = member;
            } else if (index == newest) {
                chosen[1] = member;
            }
        });
        return List.of(chosen);
    }
}
