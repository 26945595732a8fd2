package dev.leakscope.format.legacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text helpers matching Go's: the parsers see the input one char per byte (ISO-8859-1), so
 * names taken from it are turned back into UTF-8 with {@link #utf8}; integers parse as strconv does.
 */
final class Text {
    private static final Pattern HEX_NUMBER = Pattern.compile("0x[0-9a-f]+");

    private Text() {
    }

    static String latin1(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    /** The {@code 0x...} numbers in s, as pprof's parseHexAddresses finds them; null if one overflows. */
    static long[] hexAddresses(String s) {
        Matcher m = HEX_NUMBER.matcher(s);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        long[] out = new long[found.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Long.parseUnsignedLong(found.get(i).substring(2), 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** strconv.ParseInt(s, 10, 64); throws NumberFormatException when out of range. */
    static long parseDecimal(String s) {
        return Long.parseLong(s);
    }

    /**
     * strconv.ParseInt(s, 0, 64): an optional sign, then a 0x/0o/0b/0 prefix choosing the base, with
     * underscores allowed between digits. Throws NumberFormatException.
     */
    static long parseIntBase0(String s) {
        String t = s;
        boolean neg = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        int base = 10;
        boolean prefixed = false;
        if (t.length() > 1 && t.charAt(0) == '0') {
            char c = Character.toLowerCase(t.charAt(1));
            if (c == 'x' || c == 'o' || c == 'b') {
                base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
                t = t.substring(2);
                prefixed = true;
            } else {
                base = 8;
                t = t.substring(1);
                prefixed = true;
            }
        }
        if (t.contains("_")) {
            if (t.startsWith("_") && !prefixed || t.endsWith("_") || t.contains("__")) {
                throw new NumberFormatException(s);
            }
            t = t.replace("_", "");
        }
        if (t.isEmpty() || t.charAt(0) == '+' || t.charAt(0) == '-') {
            throw new NumberFormatException(s);
        }
        return Long.parseLong((neg ? "-" : "") + t, base);
    }

    /** Go's filepath.Base. */
    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        String b = slash >= 0 ? p.substring(slash + 1) : p;
        return b.isEmpty() ? "/" : b;
    }
}
