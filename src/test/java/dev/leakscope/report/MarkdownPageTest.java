package dev.leakscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A Markdown page within its character budget: text and notes always, whole rows in page order. */
class MarkdownPageTest {
    /** 22 characters whole; cut, 16 are kept: T, H1, its longest note, U, H2, its longest note. */
    private static Markdown.Page page() {
        return new Markdown.Page().text("T\n")
                .table("H1\n", List.of("a1\n", "a2long\n"), cut -> cut == 0 ? "" : "-" + cut + "\n")
                .text("U\n")
                .table("H2\n", List.of("b\n"), cut -> cut == 0 ? "" : "-" + cut + "\n");
    }

    @Test
    void aPageThatFitsIsWhole() {
        assertEquals("T\nH1\na1\na2long\nU\nH2\nb\n", page().render(22));
        assertEquals("T\nH1\na1\na2long\nU\nH2\nb\n", page().render(60_000));
    }

    @Test
    void rowsAreCutFromTheFirstThatDoesNotFitToTheEndOfThePage() {
        // room for 5 characters of rows: a1 fits, a2long does not, so b is cut too though it would fit
        assertEquals("T\nH1\na1\n-1\nU\nH2\n-1\n", page().render(21));
        assertEquals("T\nH1\n-2\nU\nH2\n-1\n", page().render(18));
    }

    @Test
    void textAndNotesStayWhenNothingElseFits() {
        assertEquals("T\nH1\n-2\nU\nH2\n-1\n", page().render(1));
    }
}
