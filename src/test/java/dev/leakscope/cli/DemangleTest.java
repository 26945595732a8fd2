package dev.leakscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leakscope.Cli;
import dev.leakscope.TestProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function names through {@code leakscope pprof}, leakscope's own commands and {@code -symbolize}: the
 * expected reports are what {@code TZ=UTC go tool pprof} (1.19) printed for the same file.
 */
class DemangleTest {
    @TempDir
    Path dir;

    /**
     * C++-looking names (one of each case pprof simplifies or leaves), a Java and a Go name, names
     * pprof takes as already demangled, and a drop_frames that matches only a simplified name (so it
     * proves names are simplified before frames are dropped).
     */
    static TestProfiles cppProfile() {
        TestProfiles t = new TestProfiles();
        t.sampleType("objects", "count").sampleType("space", "bytes");
        t.function(1, "std::vector<int>::push_back(int)", "vector.h")
                .function(2, "Map<K, V>::get(Pair<int, int>) const", "map.h")
                .function(3, "std::operator<<(std::ostream&, int)", "ostream")
                .function(4, "Foo::~Foo()", "foo.cc")
                .function(5, "", "lambda::invoke(int)", "lambda.cc")
                .function(6, "pretty", "ns::raw(int)", "raw.cc")
                .function(7, "ns::f(int)", "", "f.cc")
                .function(8, "a::b>c(d)", "odd.cc")
                .function(9, "java.util.ArrayList.<init>", "ArrayList.java")
                .function(10, "main.(*Cache[...]).Put", "cache.go")
                .function(11, "byte[]", "")
                .function(12, "main", "main.cc")
                .function(13, "Outer<Inner<int> >::run(std::function<void ()>)", "outer.h")
                .function(14, "std::vector<long>::push_back(long)", "vector.h")
                .function(15, "Outer::run", "outer.h")
                .function(16, "Alloc<char>::allocate(unsigned long)", "alloc.h");
        for (int id = 1; id <= 16; id++) {
            t.location(id, 0x1000L * id, id);
        }
        t.sample(new long[] {10, 1000}, 16, 1, 12);
        t.sample(new long[] {5, 500}, 14, 12);
        t.sample(new long[] {3, 300}, 2, 13, 12);
        for (int id = 3; id <= 11; id++) {
            t.sample(new long[] {id, id * 100L}, id, 12);
        }
        t.sample(new long[] {15, 1500}, 15, 12);
        t.proto().setDropFrames(t.str("Alloc::allocate"));
        return t;
    }

    @BeforeEach
    void writeProfile() throws IOException {
        Files.write(dir.resolve("cpp.pb.gz"), cppProfile().gzipped());
    }

    private String run(String... args) {
        Cli.Result r = Cli.run(dir, args);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    private static final String HEADER = """
            Type: space
            Showing nodes accounting for 9600B, 100% of 9600B total
                  flat  flat%   sum%        cum   cum%
            """;

    /** pprof's default: simplified C++ names; the two push_back instances are one node. */
    private static final String SIMPLIFIED_TOP = HEADER + """
                 1500B 15.62% 15.62%      1800B 18.75%  Outer::run
                 1500B 15.62% 31.25%      1500B 15.62%  std::vector::push_back
                 1100B 11.46% 42.71%      1100B 11.46%  byte[]
                 1000B 10.42% 53.12%      1000B 10.42%  main.(*Cache[...]).Put
                  900B  9.38% 62.50%       900B  9.38%  java.util.ArrayList.<init>
                  800B  8.33% 70.83%       800B  8.33%  a::b>c
                  700B  7.29% 78.12%       700B  7.29%  ns::f(int)
                  600B  6.25% 84.38%       600B  6.25%  pretty
                  500B  5.21% 89.58%       500B  5.21%  lambda::invoke
                  400B  4.17% 93.75%       400B  4.17%  Foo::~Foo
                  300B  3.12% 96.88%       300B  3.12%  Map::get const
                  300B  3.12%   100%       300B  3.12%  std::operator<<
                     0     0%   100%      9600B   100%  main
            """;

    @Test
    void pprofTopShowsSimplifiedNamesAndDropsFramesByThem() {
        assertEquals(SIMPLIFIED_TOP, run("pprof", "-top", "cpp.pb.gz"));
    }

    @Test
    void leakscopeTopShowsTheNamesPprofShows() {
        assertEquals(SIMPLIFIED_TOP, run("top", "cpp.pb.gz"));
    }

    @Test
    void pprofRawShowsSimplifiedNamesWithTheSystemNames() {
        assertEquals("""
                PeriodType: \s
                Period: 0
                Samples:
                objects/count space/bytes
                         10       1000: 2 3\s
                          5        500: 4 3\s
                          3        300: 5 6 3\s
                          3        300: 7 3\s
                          4        400: 8 3\s
                          5        500: 9 3\s
                          6        600: 10 3\s
                          7        700: 11 3\s
                          8        800: 12 3\s
                          9        900: 13 3\s
                         10       1000: 14 3\s
                         11       1100: 15 3\s
                         15       1500: 16 3\s
                Locations
                     1: 0x10000 M=1 Alloc::allocate alloc.h:26 s=0(Alloc<char>::allocate(unsigned long))
                     2: 0x1000 M=1 std::vector::push_back vector.h:11 s=0(std::vector<int>::push_back(int))
                     3: 0xc000 M=1 main main.cc:22 s=0
                     4: 0xe000 M=1 std::vector::push_back vector.h:24 s=0(std::vector<long>::push_back(long))
                     5: 0x2000 M=1 Map::get const map.h:12 s=0(Map<K, V>::get(Pair<int, int>) const)
                     6: 0xd000 M=1 Outer::run outer.h:23 s=0(Outer<Inner<int> >::run(std::function<void ()>))
                     7: 0x3000 M=1 std::operator<< ostream:13 s=0(std::operator<<(std::ostream&, int))
                     8: 0x4000 M=1 Foo::~Foo foo.cc:14 s=0(Foo::~Foo())
                     9: 0x5000 M=1 lambda::invoke lambda.cc:15 s=0(lambda::invoke(int))
                    10: 0x6000 M=1 pretty raw.cc:16 s=0(ns::raw(int))
                    11: 0x7000 M=1 ns::f(int) f.cc:17 s=0()
                    12: 0x8000 M=1 a::b>c odd.cc:18 s=0(a::b>c(d))
                    13: 0x9000 M=1 java.util.ArrayList.<init> ArrayList.java:19 s=0
                    14: 0xa000 M=1 main.(*Cache[...]).Put cache.go:20 s=0
                    15: 0xb000 M=1 byte[] :21 s=0
                    16: 0xf000 M=1 Outer::run outer.h:25 s=0
                Mappings
                1: 0x0/0x0/0x0  \s
                """, run("pprof", "-raw", "cpp.pb.gz"));
    }

    @Test
    void symbolizeNoneKeepsNamesRawAndDropFramesMatchesNothing() {
        assertEquals(HEADER + """
                     1500B 15.62% 15.62%      1500B 15.62%  Outer::run
                     1100B 11.46% 27.08%      1100B 11.46%  byte[]
                     1000B 10.42% 37.50%      1000B 10.42%  Alloc<char>::allocate(unsigned long)
                     1000B 10.42% 47.92%      1000B 10.42%  main.(*Cache[...]).Put
                      900B  9.38% 57.29%       900B  9.38%  java.util.ArrayList.<init>
                      800B  8.33% 65.62%       800B  8.33%  a::b>c(d)
                      700B  7.29% 72.92%       700B  7.29%  ns::f(int)
                      600B  6.25% 79.17%       600B  6.25%  pretty
                      500B  5.21% 84.38%       500B  5.21%  <unknown>
                      500B  5.21% 89.58%       500B  5.21%  std::vector<long>::push_back(long)
                      400B  4.17% 93.75%       400B  4.17%  Foo::~Foo()
                      300B  3.12% 96.88%       300B  3.12%  Map<K, V>::get(Pair<int, int>) const
                      300B  3.12%   100%       300B  3.12%  std::operator<<(std::ostream&, int)
                         0     0%   100%       300B  3.12%  Outer<Inner<int> >::run(std::function<void ()>)
                         0     0%   100%      9600B   100%  main
                         0     0%   100%      1000B 10.42%  std::vector<int>::push_back(int)
                """, run("pprof", "-symbolize=none", "-top", "cpp.pb.gz"));
    }

    @Test
    void demangleTemplatesKeepsTemplateArgumentsAndForcesNames() {
        assertEquals(HEADER + """
                     1500B 15.62% 15.62%      1500B 15.62%  Outer::run
                     1100B 11.46% 27.08%      1100B 11.46%  byte[]
                     1000B 10.42% 37.50%      1000B 10.42%  Alloc<char>::allocate
                     1000B 10.42% 47.92%      1000B 10.42%  main.(*Cache[...]).Put
                      900B  9.38% 57.29%       900B  9.38%  java.util.ArrayList.<init>
                      800B  8.33% 65.62%       800B  8.33%  a::b>c
                      700B  7.29% 72.92%       700B  7.29%  ns::f(int)
                      600B  6.25% 79.17%       600B  6.25%  ns::raw
                      500B  5.21% 84.38%       500B  5.21%  lambda::invoke
                      500B  5.21% 89.58%       500B  5.21%  std::vector<long>::push_back
                      400B  4.17% 93.75%       400B  4.17%  Foo::~Foo
                      300B  3.12% 96.88%       300B  3.12%  Map<K, V>::get const
                      300B  3.12%   100%       300B  3.12%  std::operator<<
                         0     0%   100%       300B  3.12%  Outer<Inner<int> >::run
                         0     0%   100%      9600B   100%  main
                         0     0%   100%      1000B 10.42%  std::vector<int>::push_back
                """, run("pprof", "-symbolize=demangle=templates", "-top", "cpp.pb.gz"));
    }

    @Test
    void forceRenamesFromTheSystemName() {
        assertEquals(SIMPLIFIED_TOP.replace("pretty", "ns::raw"), run("pprof", "-symbolize=force", "-top", "cpp.pb.gz"));
    }

    @Test
    void unrecognizedOptionsAreIgnoredWithPprofsWarning() {
        String warning = "ignoring unrecognized symbolization option: Bogus:force:x\n"
                + "expecting -symbolize=[local|fastlocal|remote|none][:force][:demangle=[none|full|templates|default]\n";
        Cli.Result r = Cli.run(dir, "pprof", "-symbolize=Bogus:force:x", "-top", "cpp.pb.gz");
        assertEquals(0, r.exitCode());
        assertEquals(warning + warning, r.err());
        assertEquals(SIMPLIFIED_TOP.replace("pretty", "ns::raw"), r.out());
        // Parts after "none" are not looked at; nor is the option when the input cannot be read.
        Cli.Result none = Cli.run(dir, "pprof", "-symbolize=x:none:y", "-top", "cpp.pb.gz");
        assertEquals(warning.replace("Bogus:force:x", "x:none:y"), none.err());
        Cli.Result missing = Cli.run(dir, "pprof", "-symbolize=x", "-top", "nosuch.pb.gz");
        assertEquals(1, missing.exitCode());
        assertFalse(missing.err().contains("symbolization"), missing.err());
    }
}
