package dev.leakscope.cli;

import dev.leakscope.format.ProfileLoader;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.input.remote.FetchedProfile;
import dev.leakscope.profile.Profile;
import java.util.Arrays;
import java.util.Optional;

/**
 * Go's heap delta profile (--seconds N) that came back with no value: Go counts an allocation in its heap
 * profile only once a garbage collection has completed after it, and net/http/pprof runs none for a delta
 * (its ?gc=1, which --gc adds, applies to a plain heap profile only). A delta over seconds in which no
 * collection completed is empty whatever leaked, and its report would read as "nothing grew".
 */
final class EmptyHeapDelta {
    private EmptyHeapDelta() {
    }

    /** The warning for a delta over seconds just fetched, when it is a Go heap profile with every value 0. */
    static Optional<String> warning(FetchedProfile fetched, int seconds, Limits limits) {
        // decoded once more: only after waiting seconds for the delta, next to which this costs nothing
        Profile p = ProfileLoader.load(InputSource.named(fetched.url(), fetched.file()), limits);
        // totals of 0 are no values at all: a stack's allocations over the delta are never negative
        boolean empty = Arrays.stream(p.totals()).allMatch(t -> t == 0);
        if (!empty || p.sampleTypeIndex("alloc_space") < 0) {
            return Optional.empty();
        }
        return Optional.of("warning: " + fetched.url() + ": the delta profile over --seconds " + seconds + " is empty: Go's heap profile counts an allocation only once a garbage collection has"
                + " completed after it, and Go runs none for a delta profile (--gc applies to a plain heap profile"
                + " only); to see what grows, compare two --gc snapshots taken apart (leakscope watch --gc URL, or"
                + " leakscope collect --gc then trend), or give --seconds long enough for collections to run");
    }
}
