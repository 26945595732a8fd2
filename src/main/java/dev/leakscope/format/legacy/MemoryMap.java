package dev.leakscope.format.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory-map section of legacy profiles ({@code /proc/self/maps} lines or the brief
 * {@code start-end path (@offset) buildid} form), read and tidied exactly as pprof does.
 */
final class MemoryMap {
    private MemoryMap() {
    }

    /** One mapping: [start, limit) of file at offset. Mutable: pprof's fix-ups adjust it. */
    static final class Entry {
        long start;
        long limit;
        long offset;
        String file;
        String buildId;

        Entry(long start, long limit, long offset, String file, String buildId) {
            this.start = start;
            this.limit = limit;
            this.offset = offset;
            this.file = file;
            this.buildId = buildId;
        }
    }

    // Go's \s is [\t\n\f\r ]; Java's also matches \x0B, so spell it out.
    private static final String S = "[\\t\\n\\f\\r ]";
    private static final String NS = "[^\\t\\n\\f\\r ]";
    private static final String HEX = "[0-9A-Fa-f]";
    private static final String C_HEX = "(?:0x)?(" + HEX + "+)";
    private static final String C_HEX_RANGE = S + "*" + C_HEX + "[\\t\\n\\f\\r -]?" + S + "*" + C_HEX + ":?";
    private static final String C_PERM = "(?:" + S + "+([-rwxp]+))?";
    private static final String C_SPACE_HEX = "(?:" + S + "+(" + HEX + "+))?";
    private static final String HEX_PAIR = S + "+" + HEX + "+:" + HEX + "+";
    private static final String SPACE_DIGITS = S + "+[0-9]+";
    private static final String C_SPACE_STRING = "(?:" + S + "+(" + NS + "+))?";
    private static final String C_SPACE_AT_OFFSET = "(?:" + S + "+\\(@(" + HEX + "+)\\))?";
    private static final Pattern PROC_MAPS = Pattern.compile(
            "^" + C_HEX_RANGE + C_PERM + C_SPACE_HEX + HEX_PAIR + SPACE_DIGITS + C_SPACE_STRING);
    private static final Pattern BRIEF_MAPS = Pattern.compile(
            "^" + C_HEX_RANGE + C_PERM + C_SPACE_STRING + C_SPACE_AT_OFFSET + C_SPACE_HEX);
    private static final Pattern LOG_PREFIX = Pattern.compile("^[^\\[\\]]+:[0-9]+]" + S);
    private static final Pattern LIBRARY = Pattern.compile("([.]so$|[.]so[._][0-9]+)");

    private static final String[] SENTINELS = {"--- Memory map: ---", "MAPPED_LIBRARIES:"};

    /** Whether a line starts the memory-map section. */
    static boolean isSentinel(String line) {
        for (String s : SENTINELS) {
            if (line.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Reads mapping lines from the scanner's next line on; unrecognised lines are ignored. */
    static List<Entry> read(Lines s) {
        List<Entry> out = new ArrayList<>();
        List<String> attrs = new ArrayList<>();
        while (s.next()) {
            String line = substitute(removeLoggingInfo(s.text()), attrs);
            Matcher m;
            String start;
            String end;
            String perm;
            String file;
            String offset;
            String buildId = "";
            if ((m = PROC_MAPS.matcher(line)).find()) {
                start = m.group(1);
                end = m.group(2);
                perm = group(m, 3);
                offset = group(m, 4);
                file = group(m, 5);
            } else if ((m = BRIEF_MAPS.matcher(line)).find()) {
                start = m.group(1);
                end = m.group(2);
                perm = group(m, 3);
                file = group(m, 4);
                offset = group(m, 5);
                buildId = group(m, 6);
            } else {
                // An assignment "attr=value" defines $attr for the lines after it.
                int eq = line.indexOf('=');
                if (eq >= 0) {
                    attrs.add("$" + line.substring(0, eq).strip());
                    attrs.add(line.substring(eq + 1).strip());
                }
                continue;
            }
            if (!perm.isEmpty() && !perm.contains("x")) {
                continue;
            }
            try {
                out.add(new Entry(Long.parseUnsignedLong(start, 16), Long.parseUnsignedLong(end, 16),
                        offset.isEmpty() ? 0 : Long.parseUnsignedLong(offset, 16), Text.utf8(file),
                        Text.utf8(buildId)));
            } catch (NumberFormatException e) {
                // Too large for 64 bits: pprof ignores the line.
            }
        }
        return out;
    }

    private static String group(Matcher m, int g) {
        String s = m.group(g);
        return s == null ? "" : s;
    }

    private static String removeLoggingInfo(String line) {
        Matcher m = LOG_PREFIX.matcher(line);
        return m.find() ? line.substring(m.end()) : line;
    }

    /** Go's strings.NewReplacer(old1, new1, ...).Replace: at each position the first matching old wins. */
    private static String substitute(String line, List<String> attrs) {
        if (attrs.isEmpty()) {
            return line;
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        outer:
        while (i < line.length()) {
            for (int k = 0; k < attrs.size(); k += 2) {
                String old = attrs.get(k);
                if (line.startsWith(old, i)) {
                    sb.append(attrs.get(k + 1));
                    i += old.length();
                    continue outer;
                }
            }
            sb.append(line.charAt(i++));
        }
        return sb.toString();
    }

    /** pprof's massageMappings: merge split mappings of one file, move the main binary first. */
    static void massage(List<Entry> mappings) {
        if (mappings.size() > 1) {
            List<Entry> merged = new ArrayList<>();
            merged.add(mappings.get(0));
            for (Entry m : mappings.subList(1, mappings.size())) {
                Entry last = merged.get(merged.size() - 1);
                if (adjacent(last, m)) {
                    last.limit = m.limit;
                    if (!m.file.isEmpty()) {
                        last.file = m.file;
                    }
                    if (!m.buildId.isEmpty()) {
                        last.buildId = m.buildId;
                    }
                    continue;
                }
                merged.add(m);
            }
            mappings.clear();
            mappings.addAll(merged);
        }
        for (int i = 0; i < mappings.size(); i++) {
            String file = mappings.get(i).file.replace("(deleted)", "").strip();
            if (file.isEmpty() || LIBRARY.matcher(file).find() || file.charAt(0) == '[') {
                continue;
            }
            Entry main = mappings.get(i);
            mappings.set(i, mappings.get(0));
            mappings.set(0, main);
            break;
        }
    }

    private static boolean adjacent(Entry a, Entry b) {
        if (!a.file.isEmpty() && !b.file.isEmpty() && !a.file.equals(b.file)) {
            return false;
        }
        if (!a.buildId.isEmpty() && !b.buildId.isEmpty() && !a.buildId.equals(b.buildId)) {
            return false;
        }
        if (a.limit != b.start) {
            return false;
        }
        return a.offset == 0 || b.offset == 0 || a.offset + (a.limit - a.start) == b.offset;
    }
}
