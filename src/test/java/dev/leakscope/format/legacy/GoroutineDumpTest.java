package dev.leakscope.format.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go's full goroutine dump (debug=2) read as a goroutine profile, with its labels. */
class GoroutineDumpTest {
    private static final String DUMP = """
            goroutine 1 [running]:
            main.main()
            \t/src/app/main.go:20 +0x1d

            goroutine 18 [chan send, 12 minutes]:
            main.queryReplica(0x1, 0xc000020060)
            \t/src/app/main.go:40 +0x2b
            created by main.fanout in goroutine 1
            \t/src/app/main.go:46 +0x45

            goroutine 19 [chan send, 12 minutes]:
            main.queryReplica(0x2, 0xc000020060)
            \t/src/app/main.go:40 +0x2b
            created by main.fanout in goroutine 1
            \t/src/app/main.go:46 +0x45

            goroutine 20 [chan send]:
            main.queryReplica(...)
            \t/src/app/main.go:40
            created by main.fanout
            \t/src/app/main.go:46 +0x45

            goroutine 7 [select]:
            net/http.(*persistConn).writeLoop(0xc0001b8000)
            \t/usr/lib/go/src/net/http/transport.go:2410 +0xf2
            created by net/http.(*Transport).dialConn
            \t/usr/lib/go/src/net/http/transport.go:1766 +0x173d
            """;

    @TempDir
    Path dir;

    @Test
    void countsGoroutinesPerStackWithStateMinutesAndCreator() throws Exception {
        Files.writeString(dir.resolve("dump.txt"), DUMP);
        Cli.Result top = Cli.run(dir, "top", "dump.txt");
        assertEquals(0, top.exitCode(), top.err());
        assertTrue(top.out().contains("Type: goroutine"), top.out());
        String first = top.out().lines().filter(l -> l.contains("main.queryReplica")).findFirst().orElse(top.out());
        assertTrue(first.strip().startsWith("3 60.00%"), top.out());
        assertTrue(top.out().contains("net/http.(*persistConn).writeLoop"), top.out());

        Cli.Result old = Cli.run(dir, "top", "--tag-focus", "minutes=10:", "dump.txt");
        assertEquals(0, old.exitCode(), old.err());
        assertTrue(old.out().lines().anyMatch(l -> l.strip().startsWith("2 40.00% ") && l.endsWith("main.queryReplica")),
                old.out());
        assertFalse(old.out().contains("writeLoop"), old.out());

        Cli.Result byCreator = Cli.run(dir, "top", "--tag-focus", "created_by=main.fanout", "dump.txt");
        assertTrue(byCreator.out().lines().anyMatch(l -> l.strip().startsWith("3 60.00% ")
                && l.endsWith("main.queryReplica")), byCreator.out());
    }

    @Test
    void argumentsAreCutFromTheCallNotFromTheName() {
        assertEquals("main.(*T).run", GoroutineDump.withoutArguments("main.(*T).run(0xc000010000, {0x4b2c1a, 0x5})"));
        assertEquals("main.queryReplica", GoroutineDump.withoutArguments("main.queryReplica(...)"));
        assertEquals("main.main", GoroutineDump.withoutArguments("main.main()"));
    }

    @Test
    void aBrokenBlockIsOneLineError() throws Exception {
        Files.writeString(dir.resolve("bad.txt"), "goroutine 1 [running]:\n\t/src/app/main.go:20\n");
        Cli.Result r = Cli.run(dir, "top", "bad.txt");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("malformed goroutine dump line"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aLineNumberGoCannotPrintIsOneLineError() throws Exception {
        Files.writeString(dir.resolve("huge.txt"), "goroutine 1 [running]:\nmain.main()\n\t/src/app/main.go:"
                + "9".repeat(25) + "\n");
        Cli.Result r = Cli.run(dir, "top", "huge.txt");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("malformed goroutine dump line"), r.err());
    }

    @Test
    void aCreatorWithoutItsSiteBeforeTheNextBlockCountsAsNoCreator() throws Exception {
        Files.writeString(dir.resolve("cut.txt"), """
                goroutine 18 [chan send]:
                main.queryReplica(...)
                \t/src/app/main.go:40
                created by main.fanout in goroutine 1

                goroutine 19 [chan send]:
                main.queryReplica(...)
                \t/src/app/main.go:40
                """);
        Cli.Result r = Cli.run(dir, "top", "cut.txt");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("main.queryReplica"), r.out());
    }
}
