package dev.leakscope.profile;

/**
 * What a profile counts of allocations since its process started (Go's alloc_space, alloc_objects): a count
 * that only grows while the process runs, so one that went down tells a restart.
 */
public final class AllocatedSinceStart {
    private AllocatedSinceStart() {
    }

    /** The total of a type that counts allocations since the process started, or -1 when p has none. */
    public static long total(Profile p, String type) {
        if (!Producers.PROCESS_START.equals(Producers.allocationsSince(p))) {
            return -1;
        }
        for (int i = 0; i < p.typeCount(); i++) {
            if (p.sampleType(i).type().equals(type)) {
                return p.total(i); // summed once, as the profile was decoded
            }
        }
        return -1;
    }

    /**
     * Whether a later count is below an earlier one by more than 1% (the margin is for the scaling of
     * sampled records): the process restarted between them. False when either is unknown (-1).
     */
    public static boolean restartedBetween(long earlier, long later) {
        return earlier > 0 && later >= 0 && later < earlier - earlier / 100;
    }
}
