package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakscope.Cli;
import dev.leakscope.TestData;
import dev.leakscope.report.Markdown;
import dev.leakscope.report.html.Html;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * diff's warnings on how the comparison was made change how its numbers read, so a report attached to a
 * ticket says each of them, not only stderr: a text report's {@code Note:} line, Markdown's {@code note:}
 * item, an HTML Note fact, a JSON note; stderr keeps its line.
 */
class DiffWarningsInReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MAP_CACHE = Path.of("testdata/map-cache").toAbsolutePath();

    @TempDir
    static Path tmp;

    /** A diff that gets a warning: where it runs, its arguments, and the warning as stderr gives it (no "leakscope: warning: "). */
    private record Case(Path dir, List<String> args, String warning) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Arguments> warnings() throws IOException {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(MAP_CACHE, List.of("heap_5.pb.gz", "heap_0.pb.gz"), "the base heap_5.pb.gz (2026-11-21"
                + " 13:49:49 UTC) is newer than the current profile heap_0.pb.gz (2026-11-21 13:49:49 UTC) by 268ms;"
                + " swapped? The base comes first: a swapped pair shows a leak as shrinkage and trips no growth gate"));
        cases.add(new Case(MAP_CACHE, List.of("heap_0.pb.gz", "heap_1.pb.gz", "heap_2.pb.gz", "heap_3.pb.gz",
                "heap_4.pb.gz", "heap_5.pb.gz"), "the current profile adds up 5 profiles taken over 236ms (heap_1.pb.gz"
                + " … heap_5.pb.gz): the files of a side are merged, as replicas of one moment are; to compare two"
                + " moments name one file per side, or run diff DIR (its oldest profile against its newest) or trend"));
        cases.add(new Case(MAP_CACHE, List.of(TestData.corpus("node", "control", "heap_3.pb.gz").toAbsolutePath()
                .toString(), "heap_5.pb.gz"), "the base and the current profile have no node in common, so every"
                + " change is a node that is new or gone: are they profiles of the same program?"));
        // the service restarted between the two: the current process has allocated less since its start
        cases.add(new Case(Path.of("testdata/restart").toAbsolutePath(), List.of("heap_before.pb.gz",
                "heap_after.pb.gz"), "the service restarted between the base and the current profile: the current one"
                + " counts 162.72kB of alloc_space since its process started, the base 1.17MB; the change is not what"
                + " one process grew (compare profiles of one run)"));
        // a side that is a directory of each snapshot in two forms counts each twice
        Path twins = Files.createTempDirectory(tmp, "twins"); // one per test method that takes these cases
        Path go = Files.createDirectory(twins.resolve("go"));
        for (String k : new String[] {"0", "1", "init"}) {
            for (String form : new String[] {".pb.gz", ".txt"}) {
                Files.copy(TestData.corpus("go", "map-cache", "heap_" + k + form), go.resolve("heap_" + k + form));
            }
        }
        cases.add(new Case(twins, List.of("go/heap_init.pb.gz", "go"), "go/heap_0.pb.gz and go/heap_0.txt (and 2 more"
                + " such pairs) look like one snapshot saved in two forms, which the diff counts as two; give one form"
                + " only (e.g. *.pb.gz)"));
        // diff DIR whose profiles' times do not order them compares the first and the last by name
        Path untimed = Files.createTempDirectory(tmp, "untimed");
        Path d = Files.createDirectory(untimed.resolve("d"));
        for (String f : new String[] {"heap_0.pb.gz", "heap_1.pb.gz", "heap_2.txt"}) {
            Files.copy(TestData.corpus("go", "map-cache", f), d.resolve(f));
        }
        cases.add(new Case(untimed, List.of("d"), "d: 1 of 3 profiles has no timestamp, so the diff compares the first"
                + " and the last profile by name: d/heap_0.pb.gz and d/heap_2.txt"));
        return cases.stream().map(Arguments::of);
    }

    private static Cli.Result diff(Case c, String... options) {
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(List.of(options));
        args.addAll(c.args());
        Cli.Result r = Cli.run(c.dir(), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("leakscope: warning: " + c.warning() + "\n"), "stderr keeps its line: " + r.err());
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void theTextReportHasANoteLine(Case c) {
        String out = diff(c).out();
        String head = out.substring(0, out.indexOf("\nShowing ") + 1);
        assertTrue(head.contains("\nNote:    " + c.warning() + "\n"), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void markdownHasANoteItem(Case c) {
        String out = diff(c, "--format", "markdown").out();
        assertTrue(out.contains("\n- note: " + Markdown.escape(c.warning()) + "\n"), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void theHtmlPageHasANoteFact(Case c) throws IOException {
        Path page = Files.createTempFile(tmp, "diff", ".html");
        diff(c, "--format", "html", "--output", page.toString());
        assertTrue(Files.readString(page).contains("<dt>Note</dt><dd>" + Html.text(c.warning()) + "</dd>"),
                "Note fact: " + c.warning());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void jsonHasANote(Case c) throws IOException {
        JsonNode notes = JSON.readTree(diff(c, "--format", "json").out()).get("notes");
        List<String> all = new ArrayList<>();
        notes.forEach(n -> all.add(n.asText()));
        assertTrue(all.contains(c.warning()), all.toString());
    }

    /** Without a warning, no note; the rest of the header is as before. */
    @Test
    void noWarningNoNote() throws IOException {
        Cli.Result text = Cli.run(MAP_CACHE, "diff", "heap_0.pb.gz", "heap_5.pb.gz");
        assertEquals("", text.err());
        assertFalse(text.out().contains("Note:"), text.out());
        assertFalse(Cli.run(MAP_CACHE, "diff", "--format", "markdown", "heap_0.pb.gz", "heap_5.pb.gz").out()
                .contains("- note:"));
        Path page = tmp.resolve("diff.html");
        Cli.run(MAP_CACHE, "diff", "--format", "html", "--output", page.toString(), "heap_0.pb.gz", "heap_5.pb.gz");
        assertFalse(Files.readString(page).contains("<dt>Note</dt>"));
    }
}
