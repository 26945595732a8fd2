package dev.leakscope.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.CleanOutcome;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.transform.FramePruner;
import dev.leakscope.profile.Profile;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.report.pprof.RawReport;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.pprof.TopReport;
import dev.leakscope.report.TracesReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * pprof command lines (flags, values, numbers, units, sample indexes): parsed, turned into report
 * settings, and the report rendered with them on a real profile (loaded once).
 */
class PprofArgsFuzzTest {
    private static final Profile PROFILE = FramePruner.prune(ProfileLoader.load(
            InputSource.of(Path.of("testdata/map-cache/heap_5.pb.gz")), Limits.DEFAULT));

    @FuzzTest(maxDuration = "10m")
    void pprof(FuzzedDataProvider data) {
        List<String> args = new ArrayList<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            args.add(data.consumeString(40));
        }
        args.add("heap_5.pb.gz");
        CleanOutcome.of(() -> report(PprofArgs.parse(args)));
    }

    private static void report(PprofArgs a) {
        ReportSettings settings = a.settings(ZoneOffset.UTC);
        PrintWriter w = new PrintWriter(new StringWriter());
        String report = a.report == null ? "top" : a.report;
        switch (report) {
            case "traces" -> TracesReport.write(ReportContext.of(PROFILE, settings, line -> { }), w);
            case "raw" -> RawReport.write(PROFILE, settings.zone(), w);
            default -> TopReport.write(ReportContext.of(PROFILE, settings, line -> { }), w);
        }
    }
}
