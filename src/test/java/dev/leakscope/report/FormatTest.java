package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakscope.util.UsageException;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void everyReportReadsTheSameNames() {
        assertEquals(Format.MARKDOWN, Format.parse("md", TrendReport.FORMATS));
        assertEquals(Format.MARKDOWN, Format.parse("Markdown", FocusReport.FORMATS));
        assertEquals(Format.HTML, Format.parse("html", Format.values()));
    }

    @Test
    void anUnsupportedFormatNamesTheSupportedOnes() {
        UsageException e = assertThrows(UsageException.class, () -> Format.parse("html", TrendReport.FORMATS));
        assertEquals("unknown format 'html' (use text, markdown or json)", e.getMessage());
    }
}
