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
        assertEquals("`a\\|b c`", Markdown.code("a|b c"));
        assertEquals("`a|b c`", Markdown.textCode("a|b c"));
    }

    /**
     * CommonMark: a code span's fence is a backtick run longer than any inside, padded with a space when the
     * text starts or ends with a backtick or both starts and ends with a space; the text stays as it is.
     */
    @Test
    void aCodeSpanKeepsBackticksAndSpaces() {
        assertEquals("``pkg.`backtick`func``", Markdown.textCode("pkg.`backtick`func"));
        assertEquals("```` s := `raw ``` string` ````", Markdown.textCode("s := `raw ``` string`"));
        assertEquals("`` `a` ``", Markdown.textCode("`a`"));
        assertEquals("`` a\\|b `c` ``", Markdown.code("a|b `c`"));
        assertEquals("```we``ird```", Markdown.textCode("we``ird"));
        assertEquals("`\tif x {`", Markdown.textCode("\tif x {"));
        assertEquals("`    x = 1`", Markdown.textCode("    x = 1"));
        assertEquals("`   x   `", Markdown.textCode("  x  "), "one space of each side is stripped: padded");
        assertEquals("`  `", Markdown.textCode("  "), "only spaces: nothing is stripped");
    }
}
