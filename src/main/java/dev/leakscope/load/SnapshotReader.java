package dev.leakscope.load;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.util.SnapshotOrder;
import dev.leakscope.input.Snapshots;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileStream;
import dev.leakscope.util.InputException;
import dev.leakscope.util.Printable;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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

    /** Loads every profile the arguments hold, in argument order, the leakscope way. */
    public static void forEach(List<InputSource> args, Limits limits, Consumer<String> warn, Visitor visitor) {
        List<Snapshots> expanded = new ArrayList<>();
        boolean allFiles = true;
        for (InputSource arg : args) {
            Snapshots s = Snapshots.of(arg, limits);
            expanded.add(s);
            allFiles &= !s.isCollection();
        }
        if (allFiles && args.size() > 1) {
            loadAhead(expanded, limits, visitor);
            return;
        }
        for (int a = 0; a < expanded.size(); a++) {
            forEach(a, expanded.get(a), limits, warn, visitor);
        }
    }

    /**
     * Loads files two at a time, on two threads, a step ahead of the visitor: loading dominates, and
     * at most three profiles are in memory at once (two loading, one visited).
     */
    private static void loadAhead(List<Snapshots> files, Limits limits, Visitor visitor) {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "leakscope-load");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Profile>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int a = 0; a < files.size(); a++) {
                while (next < files.size() && ahead.size() < 2) {
                    InputSource source = files.get(next++).source();
                    ahead.add(pool.submit(() -> ProfileLoader.load(source, limits)));
                }
                visitor.snapshot(new Member(a, 0, files.get(a).source()), await(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Profile await(Future<Profile> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while loading profiles", e);
        }
    }

    /** Loads every profile of one argument (its index is argument). */
    public static void forEach(int argument, Snapshots arg, Limits limits, Consumer<String> warn, Visitor visitor) {
        if (!arg.isCollection()) {
            visitor.snapshot(new Member(argument, 0, arg.source()), ProfileLoader.load(arg.source(), limits));
            return;
        }
        int[] counts = new int[2]; // entries (profiles or not), profiles loaded
        arg.forEach(line -> {
            counts[0]++;
            warn.accept(line);
        }, (index, member) -> {
            counts[0]++;
            Profile p;
            try {
                p = ProfileLoader.load(member, limits);
            } catch (InputException e) {
                if (LimitException.isCause(e)) {
                    throw e;
                }
                warn.accept("skipping " + (e instanceof ProfileLoader.NotAProfileException n ? n.brief() : e.getMessage()));
                return;
            }
            counts[1]++;
            visitor.snapshot(new Member(argument, index, member), p);
        });
        if (counts[1] == 0) {
            throw new InputException(arg.source().name() + ": no profile in " + arg.describe()
                    + (counts[0] == 0 ? ": it holds no files" : counts[0] == 1 ? ": its only file is not one"
                    : ": none of its " + counts[0] + " files is one"));
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
     * The first and the last snapshot of a directory or archive in series order ({@link SnapshotOrder}:
     * by time when every profile has its own, else by name). Every member is loaded once to learn its
     * time; only the two chosen ones are kept (read again from the archive).
     *
     * @return the oldest, then the newest
     */
    public static List<InputSource> oldestAndNewest(Snapshots arg, Limits limits, Consumer<String> warn) {
        List<String> names = new ArrayList<>();
        IntList indexes = new IntList();
        LongList times = new LongList();
        forEach(0, arg, limits, warn, (m, p) -> {
            names.add(m.name());
            indexes.add(m.index());
            times.add(p.timeNanos());
        });
        if (names.size() < 2) {
            throw new InputException(arg.source().name() + ": a diff needs 2 profiles, " + arg.describe()
                    + " holds only " + names.get(0));
        }
        int[] order = SnapshotOrder.order(new int[names.size()], names, times.toArray());
        int oldest = indexes.get(order[0]);
        int newest = indexes.get(order[order.length - 1]);
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
