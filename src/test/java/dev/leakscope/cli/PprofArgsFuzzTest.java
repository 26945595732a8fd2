package dev.leakscope.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.Cli;
import dev.leakscope.CleanOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pprof command lines (flags, values, numbers, units, sample indexes) run on a real profile: the
 * parser and every setting it feeds into the report.
 */
class PprofArgsFuzzTest {
    private static final Path TESTDATA = Path.of("testdata/map-cache").toAbsolutePath();
    private static final String PROFILE = "heap_5.pb.gz";

    @FuzzTest(maxDuration = "10m")
    void pprof(FuzzedDataProvider data) {
        List<String> args = new ArrayList<>();
        args.add("pprof");
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            String arg = data.consumeString(40);
            if (!arg.contains("output")) { // writing files where the fuzzer says is no part of this target
                args.add(arg);
            }
        }
        args.add(PROFILE);
        CleanOutcome.of(Cli.run(TESTDATA, args.toArray(String[]::new)));
    }
}
