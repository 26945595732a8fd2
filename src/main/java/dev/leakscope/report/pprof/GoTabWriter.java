package dev.leakscope.report.pprof;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as pprof's {@code -tags} uses it: tab-terminated cells, right-aligned,
 * padding 1, padded with spaces. A column's width is set per block of consecutive lines that have a
 * cell in that column; the text after a line's last tab is not part of any column.
 */
final class GoTabWriter {
    private final List<String[]> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    /** Adds one line (without its newline); cells are separated by tabs. */
    void line(String text) {
        lines.add(text.split("\t", -1));
    }

    /** The aligned text, each line ending with a newline. */
    String format() {
        out.setLength(0);
        format(0, lines.size());
        return out.toString();
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int i = line0; i < line1; i++) {
            if (column >= lines.get(i).length - 1) {
                continue;
            }
            write(line0, i);
            line0 = i;
            int width = 0;
            for (; i < line1; i++) {
                String[] cells = lines.get(i);
                if (column >= cells.length - 1) {
                    break;
                }
                width = Math.max(width, runes(cells[column]) + 1);
            }
            widths.add(width);
            format(line0, i);
            widths.remove(widths.size() - 1);
            line0 = i;
            i--;
        }
        write(line0, line1);
    }

    private void write(int from, int to) {
        for (int i = from; i < to; i++) {
            String[] cells = lines.get(i);
            for (int j = 0; j < cells.length; j++) {
                if (j < widths.size()) {
                    for (int pad = widths.get(j) - runes(cells[j]); pad > 0; pad--) {
                        out.append(' ');
                    }
                }
                out.append(cells[j]);
            }
            out.append('\n');
        }
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
