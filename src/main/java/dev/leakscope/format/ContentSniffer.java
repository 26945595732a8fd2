package dev.leakscope.format;

import dev.leakscope.format.histogram.ClassHistogram;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Names what an unrecognised input looks like, so the error can say what was found. */
final class ContentSniffer {
    private ContentSniffer() {
    }

    static String describe(byte[] data) {
        byte[] head = java.util.Arrays.copyOf(data, Math.min(data.length, 512));
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "it is a PNG image";
        }
        if (startsWith(head, "FLR\0".getBytes(StandardCharsets.ISO_8859_1))) {
            return "it is a JDK Flight Recorder recording, which go tool pprof cannot read"
                    + " (leakscope's own commands, such as diff, read it)";
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return "it is a ZIP archive";
        }
        if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "it is a JPEG image";
        }
        if (startsWith(head, "%PDF".getBytes(StandardCharsets.ISO_8859_1))) {
            return "it is a PDF document";
        }
        if (startsWith(head, new byte[] {0x7f, 'E', 'L', 'F'})) {
            return "it is an ELF binary";
        }
        if (allZero(head)) {
            return "only zero bytes (an empty tar archive looks like this)";
        }
        if (ClassHistogram.sniff(head)) {
            return "it is a JVM class histogram, which go tool pprof cannot read"
                    + " (leakscope's own commands, such as top, read it)";
        }
        if (ClassHistogram.holds(data)) {
            return "it holds a JVM class histogram among other text, which go tool pprof cannot read"
                    + " (leakscope's own commands, such as top, read it)";
        }
        if (isText(head) || textByHeader(head)) {
            String first = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (first.length() > 60) {
                first = first.substring(0, 60) + "…";
            }
            if (first.startsWith("heap_v2/")) {
                return "it is a jemalloc heap profile, which go tool pprof cannot read"
                        + " (leakscope's own commands, such as top, read it)";
            }
            return "text starting with \"" + first + "\" is in no format leakscope knows";
        }
        return "unrecognised binary data";
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a legacy parser could read an input starting with head: text, or the header words
     * (0, 3) of a legacy CPU profile in 32 or 64 bits, either byte order. Others are not read whole.
     */
    static boolean mightBeLegacy(byte[] head) {
        return isText(head) || textByHeader(head) || cpuHeader(head, 4) || cpuHeader(head, 8);
    }

    /** How the legacy text formats' first lines start (a count profile's is "NAME profile: total N"). */
    private static final java.util.regex.Pattern TEXT_HEADER = java.util.regex.Pattern.compile(
            "(heap profile:|heap_v2/|--- |goroutine \\d|\\S+ profile: total \\d).*");

    /**
     * Text by its first line (past blank and # comment lines, as the parsers skip them): printable, and
     * the header of a legacy text format. What follows may hold a stray control byte (an escape in a
     * symbol or a path): go tool pprof reads such a text, and the reports escape the byte. Binary data
     * starts with no such line.
     */
    private static boolean textByHeader(byte[] head) {
        int start = 0;
        while (start < head.length) {
            int end = start;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end == head.length) {
                return false; // no whole line in the head
            }
            byte[] line = java.util.Arrays.copyOfRange(head, start, end);
            if (!isText(line)) {
                return false;
            }
            String text = new String(line, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return TEXT_HEADER.matcher(text).matches();
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * Whether an input starting with head may be a log or a program's output, which can hold a class
     * histogram anywhere: text, though perhaps not UTF-8 and with terminal escapes, no NUL bytes but
     * in UTF-16 behind its byte-order mark.
     */
    static boolean mayBeLog(byte[] head) {
        if (ClassHistogram.utf16(head)) {
            return true;
        }
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b) {
                return false;
            }
        }
        return true;
    }

    private static boolean cpuHeader(byte[] head, int word) {
        if (head.length < 2 * word) {
            return false;
        }
        for (int i = 0; i < word; i++) {
            if (head[i] != 0) {
                return false;
            }
        }
        boolean little = head[word] == 3;
        boolean big = head[2 * word - 1] == 3;
        for (int i = word; i < 2 * word; i++) {
            int expected = (little && i == word) || (big && i == 2 * word - 1) ? 3 : 0;
            if (head[i] != expected) {
                return false;
            }
        }
        return little || big;
    }

    private static boolean allZero(byte[] head) {
        for (byte b : head) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 (a character cut at the end of the head aside) without control characters. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
        return !r.isError();
    }
}
