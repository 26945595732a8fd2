package dev.leakscope.format.jfr;

import dev.leakscope.format.jfr.HeapSamples.Kind;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.Producers;
import dev.leakscope.profile.SampleCap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a Flight Recorder file event by event with the JDK's own parser ({@code jdk.jfr.consumer}),
 * keeping only aggregated samples, so memory stays bounded by the distinct stacks, not the file's
 * size. Heap events become samples ({@link HeapSamples}); the JVM's description and the event
 * counts become the profile's comments, for {@code info}.
 */
final class JfrDecoder {
    private final ProfileBuilder builder = ProfileBuilder.withEmptyString();
    private final StackTable stacks;
    private final HeapSamples samples;
    private final Map<String, Long> eventCounts = new TreeMap<>();
    private boolean liveSizes;
    /** Per event type id, whether a recording enabled it (jdk.ActiveSetting). */
    private final Map<Long, Boolean> enabled = new java.util.HashMap<>();
    /** Whether the recording samples old objects though none was emitted yet (an early dump). */
    private boolean oldObjectsEnabled;
    private String jvm;
    private boolean asyncProfiler;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    /** How many old-object samples the JVM keeps at most (-XX:FlightRecorderOptions:old-object-queue-size). */
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private static final int DEFAULT_QUEUE_SIZE = 256;
    private static final String QUEUE_FLAG = "-XX:FlightRecorderOptions:old-object-queue-size";
    private static final java.util.regex.Pattern QUEUE_OPTION = java.util.regex.Pattern.compile("old-object-queue-size=(\\d+)");

    JfrDecoder(int maxStackDepth) {
        stacks = new StackTable(builder, maxStackDepth);
        samples = new HeapSamples(builder, stacks);
    }

    /** Reads the recording; an unreadable one throws IOException or the parser's runtime exceptions. */
    ProfileBuilder decode(Path file) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                event(recording.readEvent());
            }
            if (samples.emissions() == 0 && enabled.containsValue(true)) {
                oldObjectsEnabled(recording.readEventTypes());
            }
        }
        return finish();
    }

    private void event(RecordedEvent e) {
        String name = e.getEventType().getName();
        eventCounts.merge(name, 1L, Long::sum);
        long start = nanos(e.getStartTime());
        first = Math.min(first, start);
        last = Math.max(last, nanos(e.getEndTime()));
        asyncProfiler |= name.startsWith("profiler.");
        switch (name) {
            case "jdk.OldObjectSample" -> {
                if (samples.oldObjectEmission(start)) {
                    boolean sized = e.hasField("objectSize");
                    liveSizes |= sized;
                    samples.add(Kind.OLD_OBJECT, GcRoots.of(e), className(e, "object"), stacks.stack(e.getStackTrace()),
                            1, sized ? e.getLong("objectSize") : 0);
                }
            }
            case "profiler.LiveObject" -> {
                liveSizes = true;
                samples.add(Kind.LIVE_OBJECT, null, className(e, "objectClass"), stacks.stack(e.getStackTrace()),
                        1, e.getLong("allocationSize"));
            }
            case "jdk.ObjectAllocationSample" -> samples.add(Kind.ALLOCATION_SAMPLE, null, className(e, "objectClass"),
                    stacks.stack(e.getStackTrace()), 1, e.getLong("weight"));
            case "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB" -> {
                // A new TLAB stands for the whole TLAB's allocation (async-profiler writes its sampling
                // weight there too); an allocation outside a TLAB for itself.
                long weight = e.hasField("tlabSize") && e.getLong("tlabSize") > 0 ? e.getLong("tlabSize")
                        : e.getLong("allocationSize");
                samples.add(Kind.TLAB, null, className(e, "objectClass"), stacks.stack(e.getStackTrace()), 1, weight);
            }
            case "jdk.ActiveSetting" -> {
                if ("enabled".equals(e.getString("name"))) {
                    enabled.merge(e.getLong("id"), "true".equals(e.getString("value")), Boolean::logicalOr);
                }
            }
            case "jdk.JVMInformation" -> {
                jvm = jvm(e);
                queueSize = queueSize(e);
            }
            default -> {
            }
        }
    }

    /**
     * A dump taken before the JVM sampled any old object still has live_objects, zero: else a series
     * whose baseline is such a dump would lose the type and compare only allocation.
     */
    private void oldObjectsEnabled(List<jdk.jfr.EventType> types) {
        for (jdk.jfr.EventType t : types) {
            if (t.getName().equals("jdk.OldObjectSample") && enabled.getOrDefault(t.getId(), false)) {
                oldObjectsEnabled = true;
                liveSizes = t.getField("objectSize") != null;
            }
        }
    }

    private ProfileBuilder finish() {
        samples.writeTo(oldObjectsEnabled, liveSizes);
        long time = samples.emissionTime() != Long.MIN_VALUE ? samples.emissionTime() : last;
        if (first != Long.MAX_VALUE) {
            builder.setTimeNanos(time);
            builder.setDurationNanos(last - first);
        }
        comment((asyncProfiler ? Producers.JFR_BY_ASYNC_PROFILER : Producers.JFR)
                + (jvm == null ? "" : " of " + jvm));
        if (samples.emissions() > 0 || oldObjectsEnabled) {
            long live = samples.events(Kind.OLD_OBJECT);
            comment(oldObjectsEnabled ? "live_objects: 0, no jdk.OldObjectSample though the recording samples"
                    + " them (the JVM writes them when the recording is dumped or stops, if it has sampled any)"
                    : "live_objects: the newest of " + samples.emissions() + " jdk.OldObjectSample emissions ("
                    + live + " objects" + (liveSizes ? "" : "; the JDK records no sizes before JDK 21") + ")");
            SampleCap cap = new SampleCap(live, queueSize,
                    liveSizes ? List.of("live_objects", "live_space") : List.of("live_objects"));
            // The JVM samples into a fixed queue: once full, a leak replaces samples instead of adding them.
            comment(cap.comment(cap.reached() ? "the JVM's old-object queue: near that cap the count stops growing"
                    + " while the leak goes on; compare shares, alloc_space, or raise " + QUEUE_FLAG
                    : "the JVM's old-object queue, " + QUEUE_FLAG));
        } else if (samples.events(Kind.LIVE_OBJECT) == 0 && !asyncProfiler) {
            comment(Producers.NO_OLD_OBJECTS);
        }
        if (samples.events(Kind.ALLOCATION_SAMPLE) > 0) {
            comment("alloc_*: allocation since the recording started (jdk.ObjectAllocationSample), not live heap");
        } else if (samples.events(Kind.TLAB) > 0) {
            comment("alloc_*: allocation since the recording started (TLAB events), not live heap");
        }
        StringBuilder counts = new StringBuilder("Events:");
        long total = 0;
        for (Map.Entry<String, Long> en : eventCounts.entrySet()) {
            total += en.getValue();
            if (HEAP_EVENTS.contains(en.getKey())) {
                counts.append(' ').append(en.getKey()).append('=').append(en.getValue());
            }
        }
        comment(counts.append(" (").append(total).append(" events of ").append(eventCounts.size())
                .append(" types in all)").toString());
        return builder;
    }

    private static final java.util.Set<String> HEAP_EVENTS = java.util.Set.of("jdk.OldObjectSample",
            "jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB",
            "profiler.LiveObject");

    /** Whether the recording holds any event leakscope turns into samples. */
    boolean hasHeapEvents() {
        return samples.events(Kind.OLD_OBJECT) + samples.events(Kind.LIVE_OBJECT)
                + samples.events(Kind.ALLOCATION_SAMPLE) + samples.events(Kind.TLAB) > 0;
    }

    private void comment(String s) {
        builder.addComment(builder.intern(s));
    }

    private static String className(RecordedEvent e, String field) {
        if (field.equals("object")) {
            Object o = e.getValue("object");
            if (o instanceof jdk.jfr.consumer.RecordedObject obj && obj.getValue("type") instanceof RecordedClass c) {
                return c.getName();
            }
            return "[unknown type]";
        }
        RecordedClass c = e.getClass(field);
        return c == null ? "[unknown type]" : c.getName();
    }

    /** "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1" from the JVM's name and version strings. */
    private static String jvm(RecordedEvent e) {
        String name = e.hasField("jvmName") ? e.getString("jvmName") : null;
        String version = e.hasField("jvmVersion") ? e.getString("jvmVersion") : null;
        if (version != null) {
            int open = version.indexOf('(');
            int close = version.indexOf(')', open + 1);
            if (open >= 0 && close > open) {
                version = version.substring(open + 1, close);
            }
        }
        String s = ((name == null ? "" : name) + " " + (version == null ? "" : version)).strip();
        return s.isEmpty() ? null : s;
    }

    /** The old-object queue size the JVM was started with, or the JDK's default. */
    private static int queueSize(RecordedEvent e) {
        for (String field : new String[] {"jvmArguments", "jvmFlags"}) {
            if (e.hasField(field) && e.getString(field) != null) {
                java.util.regex.Matcher m = QUEUE_OPTION.matcher(e.getString(field));
                if (m.find()) {
                    try {
                        return Integer.parseInt(m.group(1));
                    } catch (NumberFormatException ignored) {
                        // absurdly long: keep the default
                    }
                }
            }
        }
        return DEFAULT_QUEUE_SIZE;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
