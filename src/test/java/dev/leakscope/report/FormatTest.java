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
        assertEquals(Format.HTML, Format.parse("HTML", TrendReport.FORMATS));
        assertEquals(Format.HTML, Format.parse("html", FocusReport.FORMATS));
    }

    @Test
    void anUnsupportedFormatNamesTheSupportedOnes() {
        UsageException e = assertThrows(UsageException.class, () -> Format.parse("xml", TrendReport.FORMATS));
        assertEquals("unknown format 'xml' (use text, markdown, json or html)", e.getMessage());
    }
}
