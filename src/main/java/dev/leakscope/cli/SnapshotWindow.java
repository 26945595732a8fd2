package dev.leakscope.cli;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.remote.FetchedProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last N snapshots of a watch, oldest first: all that is held, so memory stays bounded however
 * long the watch runs. A snapshot that leaves the window and was not kept (--no-save) is deleted.
 */
final class SnapshotWindow {
    private final int size;
    private final ArrayDeque<FetchedProfile> snapshots = new ArrayDeque<>();

    SnapshotWindow(int size) {
        this.size = size;
    }

    void add(FetchedProfile f) {
        snapshots.addLast(f);
        if (snapshots.size() > size) {
            FetchedProfile gone = snapshots.removeFirst();
            if (!gone.kept()) {
                try {
                    Files.deleteIfExists(gone.file());
                } catch (IOException e) {
                    // A temporary file: removed when the JVM exits anyway.
                }
            }
        }
    }

    /** The snapshots as inputs, oldest first, each named by its file when kept, else by its URL. */
    List<InputSource> sources() {
        List<InputSource> out = new ArrayList<>();
        for (FetchedProfile f : snapshots) {
            out.add(InputSource.named(f.kept() ? f.file().toString() : f.url(), f.file()));
        }
        return out;
    }

    /** Their fetch times in nanoseconds since the epoch, in the order of {@link #sources()}. */
    long[] timeNanos() {
        long[] t = new long[snapshots.size()];
        int i = 0;
        for (FetchedProfile f : snapshots) {
            t[i++] = f.time().getEpochSecond() * 1_000_000_000L + f.time().getNano();
        }
        return t;
    }
}
