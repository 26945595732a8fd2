package dev.leakscope.profile;

/**
 * When two sample type names mean the same measurement: equal once a trailing {@code s} (as pprof's
 * ScaleProfiles ignores it) and a leading {@code inuse_} (as pprof's sample index ignores it, so a
 * two-type heap profile's {@code space} is {@code inuse_space}) are left out.
 */
public final class SampleTypeNames {
    private SampleTypeNames() {
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    private static String key(String name) {
        String k = name.startsWith("inuse_") ? name.substring("inuse_".length()) : name;
        return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
    }
}
