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

/** pprof's notices on stderr: its lines byte for byte, but never control characters onto a terminal. */
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
