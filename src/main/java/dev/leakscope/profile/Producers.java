package dev.leakscope.profile;

/**
 * Which producer's evidence a profile holds, as far as it changes what its values mean: the decoders of
 * JVM evidence say what they read in a comment (the Flight Recorder and class-histogram decoders write
 * it, async-profiler's converter writes its own), which analysis and reports read back, as
 * {@link SampleCap} is read back.
 */
public final class Producers {
    /** The first comment of a Flight Recorder recording's profile begins so. */
    public static final String JFR = "JDK Flight Recorder recording";
    /** ... and so when async-profiler wrote the recording. */
    public static final String JFR_BY_ASYNC_PROFILER = JFR + " by async-profiler";
    /** The comment async-profiler's jfr-converter writes into the pprof profiles it converts. */
    public static final String ASYNC_PROFILER_PPROF = "Produced by async-profiler";
    /** The first comment of a class histogram's profile begins so. */
    public static final String CLASS_HISTOGRAM = "Class histogram";

    /** The comment of a JDK recording without old-object samples: it has no live_ type, and says how to get one. */
    private static final String HOW_TO_RECORD_OLD_OBJECTS =
            "-XX:StartFlightRecording:settings=profile, or jcmd PID JFR.start settings=profile";
    public static final String NO_OLD_OBJECTS = "live_objects: none, the recording has no jdk.OldObjectSample"
            + " (record it: " + HOW_TO_RECORD_OLD_OBJECTS + ")";

    /** {@link #allocationsSince}: a Flight Recorder recording's allocation types count from its start. */
    public static final String RECORDING_START = "the recording started";
    /** {@link #allocationsSince}: other producers' allocation types count from the start of the process. */
    public static final String PROCESS_START = "the process started";

    /** {@link #retainedType} of a profile that is not a recording. */
    public static final String INUSE_RETAINED = "an inuse_ type shows what is retained";

    /** The producers whose values are not what a sampled pprof heap profile's are. */
    public enum Kind {
        /** A JDK's own Flight Recorder recording: old-object samples and throttled allocation samples. */
        JFR,
        /** async-profiler, as a .jfr recording or converted to pprof: the sizes of the objects it sampled. */
        ASYNC_PROFILER,
        /** A JVM class histogram: every live object counted. */
        CLASS_HISTOGRAM,
        /** Any other: its period, when it records one, says how it sampled. */
        OTHER
    }

    private Producers() {
    }

    /** The producer the profile's comments name (of several merged, the first named). */
    public static Kind of(Profile p) {
        for (String c : p.comments()) {
            if (c.startsWith(JFR_BY_ASYNC_PROFILER) || c.startsWith(ASYNC_PROFILER_PPROF)) {
                return Kind.ASYNC_PROFILER;
            }
            if (c.startsWith(JFR)) {
                return Kind.JFR;
            }
            if (c.startsWith(CLASS_HISTOGRAM)) {
                return Kind.CLASS_HISTOGRAM;
            }
        }
        return Kind.OTHER;
    }

    /**
     * Since when a profile's allocation types (alloc_*) count: a Flight Recorder recording counts from
     * the start of the recording, Go's runtime and the other producers from the start of the process.
     */
    public static String allocationsSince(Profile p) {
        Kind k = of(p);
        return k == Kind.JFR || k == Kind.ASYNC_PROFILER && isRecording(p) ? RECORDING_START : PROCESS_START;
    }

    /** Whether p is a JDK recording without old-object samples: it has no live_ type ({@link #NO_OLD_OBJECTS}). */
    public static boolean lacksOldObjects(Profile p) {
        return p.comments().contains(NO_OLD_OBJECTS);
    }

    /**
     * What a report on an allocation type of p says of the type that shows what is retained: "a live_ type
     * shows what is retained", unless p, a recording without old-object samples, has none, or "an inuse_
     * type shows …".
     */
    public static String retainedType(Profile p) {
        if (lacksOldObjects(p)) {
            return "this recording has no live_ type to show what is retained (record old-object samples: "
                    + HOW_TO_RECORD_OLD_OBJECTS + ")";
        }
        return RECORDING_START.equals(allocationsSince(p)) ? "a live_ type shows what is retained" : INUSE_RETAINED;
    }

    private static boolean isRecording(Profile p) {
        return p.comments().stream().anyMatch(c -> c.startsWith(JFR));
    }
}
