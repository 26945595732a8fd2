package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.leakscope.Cli;
import dev.leakscope.proto.ProfileProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes to stderr besides the error: pprof's notices, its lines byte for byte but never control
 * characters onto a terminal; leakscope's own warnings and notes, tagged by kind.
 */
class NoticesTest {
    private static final String NAME = "bin\nname\u001b]0;title\u0007";

    @Test
    void aMappingNameWithControlCharactersIsEscapedOnATerminalOnly(@TempDir Path dir) throws Exception {
        Path profile = Files.write(dir.resolve("p.pb"), profileMapping(NAME).toByteArray());
        Cli.Result piped = Cli.run(dir, environment(Map.of()), "pprof", "-top", profile.toString());
        assertEquals(0, piped.exitCode(), piped.err());
        assertTrue(piped.err().startsWith("Local symbolization failed for bin\nname\u001b]0;title\u0007: open "),
                "as pprof prints it: " + piped.err());

        Cli.Result terminal = Cli.run(dir, environment(Map.of("LEAKSCOPE_STDERR_TTY", "1")), "pprof", "-top",
                profile.toString());
        assertEquals(0, terminal.exitCode(), terminal.err());
        assertTrue(terminal.err().startsWith("Local symbolization failed for bin\\nname\\u001b]0;title\\u0007: open "),
                terminal.err());
        assertTrue(terminal.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control character: " + terminal.err());
    }

    /**
     * leakscope's own commands tag each line by kind, so that a search of a CI log tells a warning from a note
     * (and both from the error line, which is untagged); pprof's notices stay pprof's lines.
     */
    @Test
    void ownCommandsTagWarningsAndNotesPprofKeepsItsLines() {
        Path heap = Path.of("testdata/map-cache/heap_5.pb.gz").toAbsolutePath();
        Cli.Result top = Cli.run("top", "--focus", "nothing-matches", "--tag-focus", "1", heap.toString());
        assertEquals(0, top.exitCode(), top.err());
        assertEquals("leakscope: warning: tagfocus:Interpreted '1' as range, not regexp\n"
                + "leakscope: warning: Focus expression matched no samples\n"
                + "leakscope: warning: TagFocus expression matched no samples\n", top.err());
        Cli.Result pprof = Cli.run("pprof", "-top", "-focus=nothing-matches", "-tagfocus=1", heap.toString());
        assertEquals("tagfocus:Interpreted '1' as range, not regexp\nFocus expression matched no samples\n"
                + "TagFocus expression matched no samples\n", pprof.err());
    }

    @Test
    void aWarningIsTaggedOnceANoteAsANote() {
        assertEquals("leakscope: warning: skipping a: not a profile", Output.warning("skipping a: not a profile"));
        assertEquals("leakscope: warning: the base looks newer", Output.warning("warning: the base looks newer"));
        assertEquals("leakscope: note: fetched \\u001b[2J", Output.note("fetched \u001b[2J"));
    }

    private static Environment environment(Map<String, String> variables) {
        return new Environment(variables::get, Clock.systemUTC(), d -> { });
    }

    /** One sample at an address of a mapping of this file name (which does not exist: not symbolized). */
    private static ProfileProto.Profile profileMapping(String file) {
        return ProfileProto.Profile.newBuilder()
                .addStringTable(utf8("")).addStringTable(utf8("space")).addStringTable(utf8("bytes")).addStringTable(utf8(file))
                .addSampleType(ProfileProto.ValueType.newBuilder().setType(1).setUnit(2))
                .addMapping(ProfileProto.Mapping.newBuilder().setId(1).setMemoryStart(0x1000).setMemoryLimit(0x2000)
                        .setFilename(3))
                .addLocation(ProfileProto.Location.newBuilder().setId(1).setMappingId(1).setAddress(0x1100))
                .addSample(ProfileProto.Sample.newBuilder().addLocationId(1).addValue(100))
                .build();
    }

    private static ByteString utf8(String s) {
        return ByteString.copyFromUtf8(s);
    }
}
