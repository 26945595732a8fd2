package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void namesShowEveryControlCharacterEscaped() {
        assertEquals("a\\tb\\u001b[2J\\r\\n\\u202e", Printable.of("a\tb\u001b[2J\r\n\u202e"));
        String plain = "main.(*Cache).Put";
        assertSame(plain, Printable.of(plain));
    }

    @Test
    void sourceLinesKeepTheirIndentation() {
        assertEquals("\tx := a \\u001b[31m\\r", Printable.sourceLine("\tx := a \u001b[31m\r"));
        String indented = "\t\treturn nil";
        assertSame(indented, Printable.sourceLine(indented));
    }
}
