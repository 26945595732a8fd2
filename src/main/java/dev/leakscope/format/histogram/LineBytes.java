package dev.leakscope.format.histogram;

/** Reading a line's bytes in place (no string per line): spaces, digits, words, a unified log's decorations. */
final class LineBytes {
    private LineBytes() {
    }

    /**
     * Where the text of a unified log line starts, after its decorations and the collection's number
     * ("[2.816s][trace][gc,classhisto ] GC(0) "); 0 when the line has none.
     */
    static int decorations(byte[] b, int n) {
        int i = 0;
        while (i < n && b[i] == '[') {
            int close = i + 1;
            while (close < n && b[close] != ']') {
                close++;
            }
            if (close == n) {
                break;
            }
            i = close + 1;
        }
        if (i == 0) {
            return 0;
        }
        if (i < n && b[i] == ' ') {
            i++;
        }
        if (startsWith(b, i, n, "GC(")) {
            int d = skipDigits(b, i + 3, n);
            if (d > i + 3 && d + 1 < n && b[d] == ')' && b[d + 1] == ' ') {
                i = d + 2;
            }
        }
        return i;
    }

    static int skipSpaces(byte[] b, int i, int n) {
        while (i < n && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    static int skipDigits(byte[] b, int i, int n) {
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    static int skipNonSpaces(byte[] b, int i, int n) {
        while (i < n && b[i] != ' ' && b[i] != '\t') {
            i++;
        }
        return i;
    }

    static boolean startsWith(byte[] b, int i, int n, String word) {
        if (n - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Where word first stands in b[from, n), or -1. */
    static int indexOf(byte[] b, int from, int n, String word) {
        for (int i = from; i + word.length() <= n; i++) {
            if (startsWith(b, i, n, word)) {
                return i;
            }
        }
        return -1;
    }
}
