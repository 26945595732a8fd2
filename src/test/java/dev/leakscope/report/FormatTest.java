package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakscope.util.UsageException;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void everyReportReadsTheSameNames() {
        assertEquals(Format.MARKDOWN, Format.parse("md", Format.values()));
        assertEquals(Format.MARKDOWN, Format.parse("Markdown", Format.values()));
        assertEquals(Format.HTML, Format.parse("HTML", Format.values()));
    }

    @Test
    void anUnsupportedFormatNamesTheSupportedOnes() {
        UsageException e = assertThrows(UsageException.class, () -> Format.parse("xml", Format.values()));
        assertEquals("unknown format 'xml' (use text, markdown, json or html)", e.getMessage());
    }
}
