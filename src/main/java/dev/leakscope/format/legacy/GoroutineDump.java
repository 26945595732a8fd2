package dev.leakscope.format.legacy;

import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.util.InputException;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's full goroutine dump ({@code /debug/pprof/goroutine?debug=2}, also what a Go program prints when
 * it panics): a block per goroutine, {@code goroutine 18 [chan send, 5 minutes]:}, then its frames, a
 * function line and a {@code file:line} line each, innermost first, and {@code created by F} with its
 * site. go tool pprof cannot read it. It becomes a {@code goroutine/count} profile: one sample per
 * distinct stack, wait state, minutes waited and creator, counting its goroutines, with the labels
 * {@code state}, {@code created_by} and {@code minutes} (numeric, unit minutes, 0 when Go did not print
 * them: it does from one minute on), so the tag filters select on them.
 */
final class GoroutineDump {
    private static final Pattern HEADER =
            Pattern.compile("goroutine (\\d+)(?: [^\\[]*)? \\[([^\\]]*)\\]:");
    private static final Pattern MINUTES = Pattern.compile("(\\d+) minutes?");
    private static final Pattern SITE = Pattern.compile("\\t(.+):(\\d+)(?: .*)?");
    private static final String CREATED_BY = "created by ";

    /** One distinct kind of goroutine: its stack (location ids, innermost first) and labels. */
    private record Key(int[] stack, String state, long minutes, String createdBy) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(stack, k.stack) && state.equals(k.state)
                    && minutes == k.minutes && createdBy.equals(k.createdBy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(stack), state, minutes, createdBy);
        }
    }

    /**
     * The dump's functions (by name and file) and locations (by function and line), each given the next
     * id the first time a frame names it, and added to the profile then.
     */
    private static final class Sites {
        private final ProfileBuilder b;
        private final Map<String, Integer> functions = new HashMap<>();
        private final LongIntMap locations = new LongIntMap(256);

        Sites(ProfileBuilder b) {
            this.b = b;
        }

        int location(String function, String file, String line) {
            long number = Long.parseLong(line);
            Integer f = functions.get(function + "\0" + file);
            if (f == null) {
                f = functions.size() + 1;
                functions.put(function + "\0" + file, f);
                int name = b.intern(function);
                b.addFunction(f, name, name, b.intern(file), 0);
            }
            long key = (long) f << 32 | number;
            int id = locations.get(key);
            if (id < 0) {
                id = locations.size() + 1;
                locations.putIfAbsent(key, id);
                b.beginLocation(id, 0, 0, false);
                b.addLine(f, number);
            }
            return id;
        }
    }

    private GoroutineDump() {
    }

    /** Whether text starts like a goroutine dump (its first non-blank line is a goroutine header). */
    static boolean recognizes(String text) {
        Lines s = new Lines(text);
        while (s.next()) {
            if (!s.text().isBlank()) {
                return HEADER.matcher(s.text().strip()).matches();
            }
        }
        return false;
    }

    static ProfileBuilder parse(String text) {
        if (!recognizes(text)) {
            return null;
        }
        ProfileBuilder b = goroutineCounts();
        Sites sites = new Sites(b);
        Map<Key, long[]> counts = new HashMap<>();
        List<Key> order = new ArrayList<>();
        Lines s = new Lines(text);
        IntList frames = null;
        String state = null;
        long minutes = 0;
        String createdBy = "";
        String function = null;
        boolean more = s.next();
        while (more) {
            String line = s.text();
            // Frame lines (half the dump) start with a tab and are never headers: no regex, no copy.
            Matcher h = line.startsWith("\t") ? null : HEADER.matcher(line.strip());
            boolean header = h != null && h.matches();
            if (header || line.isBlank()) {
                if (frames != null) {
                    count(counts, order, frames, state, minutes, createdBy);
                    frames = null;
                }
                if (header) {
                    String[] parts = h.group(2).split(", ");
                    state = Text.utf8(parts[0]);
                    minutes = 0;
                    for (String p : parts) {
                        Matcher m = MINUTES.matcher(p);
                        if (m.matches()) {
                            minutes = Long.parseLong(m.group(1));
                        }
                    }
                    createdBy = "";
                    frames = new IntList();
                }
            } else if (frames == null) {
                throw malformed(line);
            } else if (line.startsWith("\t")) {
                Matcher m = SITE.matcher(line);
                if (function == null || !m.matches() || m.group(2).length() > 9) {
                    throw malformed(line); // a line number Go cannot print (ints, in practice far smaller)
                }
                if (createdBy == null) {
                    createdBy = function + " " + Text.utf8(m.group(1)) + ":" + m.group(2);
                } else {
                    frames.add(sites.location(function, Text.utf8(m.group(1)), m.group(2)));
                }
                function = null;
            } else if (line.startsWith(CREATED_BY)) {
                String by = line.substring(CREATED_BY.length()).strip();
                int in = by.indexOf(" in goroutine ");
                function = Text.utf8(in < 0 ? by : by.substring(0, in));
                createdBy = null; // its site follows
            } else if (line.startsWith("...")) {
                function = null; // "...additional frames elided..."
            } else {
                function = Text.utf8(withoutArguments(line.strip()));
            }
            more = s.next();
        }
        if (frames != null) {
            count(counts, order, frames, state, minutes, createdBy);
        }
        return build(b, order, counts);
    }

    /** Counts one goroutine; a "created by" line whose site is missing leaves createdBy null, taken as none. */
    private static void count(Map<Key, long[]> counts, List<Key> order, IntList frames, String state,
                              long minutes, String createdBy) {
        Key k = new Key(frames.toArray(), state, minutes, createdBy == null ? "" : createdBy);
        if (counts.computeIfAbsent(k, x -> new long[1])[0]++ == 0) {
            order.add(k);
        }
    }

    /** A profile of goroutine counts, its label keys interned before any frame's strings. */
    private static ProfileBuilder goroutineCounts() {
        ProfileBuilder b = ProfileBuilder.withEmptyString();
        int goroutine = b.intern("goroutine");
        int count = b.intern("count");
        b.addSampleType(goroutine, count);
        b.setPeriodType(goroutine, count);
        b.setPeriod(1);
        for (String label : new String[] {"state", "created_by", "minutes"}) {
            b.intern(label);
        }
        return b;
    }

    private static ProfileBuilder build(ProfileBuilder b, List<Key> order, Map<Key, long[]> counts) {
        int stateKey = b.intern("state");
        int createdKey = b.intern("created_by");
        int minutesKey = b.intern("minutes");
        int minutesUnit = b.intern("minutes");
        for (Key k : order) {
            b.beginSample();
            for (int location : k.stack()) {
                b.addStackLocationId(location);
            }
            b.addValue(counts.get(k)[0]);
            b.addLabel(stateKey, b.intern(k.state()), 0, 0);
            if (!k.createdBy().isEmpty()) {
                b.addLabel(createdKey, b.intern(k.createdBy()), 0, 0);
            }
            b.addLabel(minutesKey, 0, k.minutes(), minutesUnit);
        }
        return b;
    }

    /** {@code main.(*T).run(0xc000010000, {0x4b2c1a, 0x5})} without its arguments: {@code main.(*T).run}. */
    static String withoutArguments(String call) {
        if (!call.endsWith(")")) {
            return call;
        }
        int depth = 0;
        for (int i = call.length() - 1; i >= 0; i--) {
            char c = call.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i == 0 ? call : call.substring(0, i);
            }
        }
        return call;
    }

    private static InputException malformed(String line) {
        return new InputException("malformed goroutine dump line \"" + Text.utf8(line) + "\"");
    }
}
