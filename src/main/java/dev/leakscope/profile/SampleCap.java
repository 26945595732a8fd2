package dev.leakscope.profile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A producer that keeps at most {@code cap} samples (the JVM's old-object queue: 256 by default) and
 * held {@code held} of them: near the cap, counts stop growing however much more leaks, because new
 * samples replace old ones. The decoder states it in a comment ({@link #comment()}), which later
 * stages read back ({@link #of(Profile)}).
 *
 * @param held  samples the profile holds
 * @param cap   the most the producer keeps
 * @param types the sample types made of those samples ({@code live_objects}, {@code live_space})
 */
public record SampleCap(long held, long cap, List<String> types) {
    /** From this share of the cap on, a producer is replacing samples rather than adding them. */
    public static final double NEAR = 0.8;

    private static final String PREFIX = "Sample cap: ";
    private static final Pattern COMMENT = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d{1,18}) of at most (\\d{1,18}) kept \\(([a-z_]+(?:, [a-z_]+)*);.*");

    public SampleCap {
        types = List.copyOf(types);
    }

    /** Whether the profile is near its cap (at least {@link #NEAR} of it). */
    public boolean reached() {
        return held >= NEAR * cap;
    }

    /** Whether values of the sample type are counted from the capped samples. */
    public boolean covers(String type) {
        return types.contains(type);
    }

    /** The comment that states the cap; why names the producer's queue and how to raise it. */
    public String comment(String why) {
        return PREFIX + held + " of at most " + cap + " kept (" + String.join(", ", types) + "; " + why + ")";
    }

    /** The cap the profile's comments state, or null. */
    public static SampleCap of(Profile p) {
        for (String c : p.comments()) {
            Matcher m = COMMENT.matcher(c);
            if (m.matches()) {
                return new SampleCap(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        List.of(m.group(3).split(", ")));
            }
        }
        return null;
    }
}
