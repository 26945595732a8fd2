package dev.leakscope.report;

import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.pprof.TopReport;
import dev.leakscope.report.TracesReport;
import dev.leakscope.report.pprof.RawReport;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leakscope.CleanOutcome;
import dev.leakscope.graph.Granularity;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.load.Loader;
import dev.leakscope.profile.transform.Combination;
import dev.leakscope.NoBinaries;
import dev.leakscope.profile.Profile;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A fuzzed profile through what a report command does (load, merge, base subtraction, pruning, graph,
 * trimming, rendering), called directly rather than through picocli for speed. The last byte picks
 * the report; the rest is the profile, used as every input of it.
 */
class PipelineFuzzTest {
    private static final Limits LIMITS = new Limits(16 << 20);
    private static final ReportSettings UTC = ReportSettings.defaults().withZone(ZoneOffset.UTC);

    @FuzzTest(maxDuration = "10m")
    void report(FuzzedDataProvider data) {
        int variant = data.consumeInt(0, 7);
        byte[] profile = data.consumeRemainingAsBytes();
        CleanOutcome.of(() -> run(variant, profile));
    }

    private static void run(int variant, byte[] bytes) {
        List<InputSource> one = List.of(source(bytes));
        List<InputSource> two = List.of(source(bytes), source(bytes));
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        switch (variant) {
            case 0 -> TopReport.write(ReportContext.of(LOADER.merged(one), UTC,
                    NOTICE), w);
            case 1 -> TopReport.write(ReportContext.of(LOADER.merged(two), UTC, NOTICE), w);
            case 2 -> TopReport.write(ReportContext.of(LOADER.asPprof(one, 0, List.of(source(bytes)),
                    Combination.BaseMode.SUBTRACT, false, true), UTC, NOTICE), w);
            case 3 -> TracesReport.write(ReportContext.of(LOADER.merged(one), UTC, NOTICE), w);
            case 4 -> {
                Profile p = LOADER.asPprof(one, 0, List.of(), Combination.BaseMode.SUBTRACT, false, false);
                RawReport.write(p, ZoneOffset.UTC, w);
            }
            case 5 -> TopReport.write(ReportContext.of(LOADER.merged(one),
                    UTC.withGranularity(Granularity.LINES, false).withTrim(true, 5, 0.005), NOTICE), w);
            case 6 -> TopReport.write(ReportContext.of(LOADER.merged(one),
                    UTC.withGranularity(Granularity.ADDRESSES, true).withUnit("auto"), NOTICE), w);
            default -> TopReport.write(ReportContext.of(LOADER.asPprof(one, 0, List.of(source(bytes)),
                    Combination.BaseMode.DIFF_BASE, true, true),
                    UTC.withSampleIndex("0").withMean(true, 1, true), NOTICE), w);
        }
        w.flush();
    }

    private static final java.util.function.Consumer<String> NOTICE = line -> { };
    private static final Loader LOADER = new Loader(LIMITS, NOTICE, NoBinaries.symbolization());

    private static InputSource source(byte[] bytes) {
        return InputSource.of("-", Path.of("."), new ByteArrayInputStream(bytes));
    }
}
