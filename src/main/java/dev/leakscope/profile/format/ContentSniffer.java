package dev.leakscope.profile.format;

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

    static String describe(byte[] head) {
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "it is a PNG image";
        }
        if (startsWith(head, "FLR\0".getBytes(StandardCharsets.ISO_8859_1))) {
            return "it is a JDK Flight Recorder file (convert it with async-profiler's jfr-converter to pprof)";
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
        if (isText(head)) {
            String first = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (first.length() > 60) {
                first = first.substring(0, 60) + "…";
            }
            return "text starting with \"" + first + "\" is no profile format leakscope knows"
                    + " (expected pprof profile.proto, raw or gzipped)";
        }
        return "unrecognised binary data (expected pprof profile.proto, raw or gzipped)";
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
