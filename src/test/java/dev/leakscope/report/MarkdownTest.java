package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void textShowsAsItIsWithNoMarkupOfItsOwn() {
        assertEquals("see \\[docs\\](https://x) \\<img src=x\\> \\`t\\` a\\|b \\*c\\* d\\_e \\~\\~f\\~\\~ g\\\\h",
                Markdown.escape("see [docs](https://x) <img src=x> `t` a|b *c* d_e ~~f~~ g\\h"));
        String plain = "inuse space: 12.5MB (3 samples)";
        assertSame(plain, Markdown.escape(plain));
    }

    @Test
    void aCodeSpanEscapesItsBarOnlyInATable() {
        assertEquals("`a\\|b 'c'`", Markdown.code("a|b `c`"));
        assertEquals("`a|b 'c'`", Markdown.textCode("a|b `c`"));
    }
}
