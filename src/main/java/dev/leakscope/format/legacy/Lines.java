package dev.leakscope.format.legacy;

/**
 * Go's bufio.Scanner splitting lines, over text decoded byte for byte: a line ends at {@code \n},
 * one trailing {@code \r} is dropped, and a last line without newline still counts. After the last
 * line {@link #text()} is empty, as the Scanner's Text() is.
 */
final class Lines {
    private final String text;
    private int pos;
    private String current = "";

    Lines(String text) {
        this.text = text;
    }

    Lines(String text, int from) {
        this.text = text;
        this.pos = from;
    }

    boolean next() {
        if (pos >= text.length()) {
            current = "";
            return false;
        }
        int nl = text.indexOf('\n', pos);
        int end = nl < 0 ? text.length() : nl;
        int cut = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
        current = text.substring(pos, cut);
        pos = nl < 0 ? text.length() : nl + 1;
        return true;
    }

    String text() {
        return current;
    }

    /** Blank, or a comment: the first non-blank character is {@code #}. */
    static boolean isSpaceOrComment(String line) {
        String t = line.strip();
        return t.isEmpty() || t.charAt(0) == '#';
    }
}
