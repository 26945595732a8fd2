package dev.leakscope.cli;

import dev.leakscope.binary.ElfFile;
import dev.leakscope.input.InputSource;
import dev.leakscope.symbolize.LocalSymbolizer;
import dev.leakscope.symbolize.Symbolization;
import dev.leakscope.profile.transform.Combination;
import dev.leakscope.load.Loader;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.transform.PrintableNames;
import dev.leakscope.report.pprof.RawReport;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import dev.leakscope.report.pprof.TopReport;
import dev.leakscope.report.TracesReport;
import dev.leakscope.report.pprof.TreeReport;
import dev.leakscope.report.pprof.TagsReport;
import dev.leakscope.report.pprof.SourceListing;
import dev.leakscope.graph.Granularity;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.remote.ProfileUrl;
import dev.leakscope.util.InputException;
import dev.leakscope.util.PprofError;
import dev.leakscope.util.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code leakscope pprof ARGS}: a go tool pprof text report command line, printed as pprof prints it. */
@Command(name = "pprof",
        description = {"Run a go tool pprof text-report command line and print exactly what pprof prints.",
            "Takes pprof's own flags, e.g.: leakscope pprof -top -nodecount=20 -base a.pb.gz b.pb.gz",
            "Reports: -top/-text, -traces, -raw, -tree, -peek=RE, -list=RE, -tags, -comments;",
            "-output FILE (or --output FILE) writes the report to FILE."})
final class PprofCommand extends ProfileCommand {
    /** The report flags leakscope implements; pprof's others (-dot, -svg, -disasm...) are refused. */
    private static final Set<String> SUPPORTED = Set.of("raw", "comments", "top", "text", "traces", "tree", "peek",
            "list", "tags");

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "pprof flags and profiles.")
    List<String> args = new ArrayList<>();

    @Mixin
    PprofOutputOption output;

    @Override
    public Integer call() {
        if (args.size() == 1 && List.of("-h", "--help", "-help").contains(args.get(0))) {
            // pprof's flags pass through unparsed, so help is asked for here
            spec.commandLine().usage(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        }
        PprofArgs a = PprofArgs.parse(args);
        if (a.report == null) {
            throw new UsageException("pprof: give a report flag such as -top, -traces or -raw"
                    + " (interactive mode is not supported)");
        }
        if (!SUPPORTED.contains(a.report)) {
            throw new UsageException("pprof: -" + a.report + " is not supported");
        }
        if (a.positionals.isEmpty()) {
            throw new PprofError("pprof: no profile given", null);
        }
        if (a.has("normalize") && a.bases.isEmpty()) {
            throw new PprofError("must have base profile to normalize by", null);
        }
        ReportSettings settings = a.settings(root.env.zone());
        if (a.has("seconds")) {
            input.fetch.seconds = a.seconds();
        }
        List<String> files = new ArrayList<>(a.positionals);
        String executable = null;
        if (files.size() > 1 && isExecutable(root.workDir.resolve(files.get(0)))) {
            // pprof takes a first argument that is a binary as the executable to symbolize with.
            executable = files.remove(0);
        }
        // of several, a URL that cannot be fetched is left out as pprof leaves it out (see Loader.asPprof)
        List<InputSource> sources = new ArrayList<>();
        int unfetched = 0;
        for (String file : files) {
            try {
                sources.addAll(asPprofError(() -> input.sources(List.of(file), root, InputOptions.PPROF_PATH)));
            } catch (PprofError e) {
                if (files.size() == 1 || !ProfileUrl.isUrl(file)) {
                    throw e;
                }
                Output.notices(spec).accept(e.getMessage());
                unfetched++;
            }
        }
        List<InputSource> bases = asPprofError(() -> input.sources(a.bases, root, InputOptions.PPROF_PATH));
        List<InputSource> inputs = new ArrayList<>(sources);
        inputs.addAll(bases);
        // pprof's own -output (empty, its default: standard output), or leakscope's --output
        String pprofOutput = a.get("output", "");
        Path target = OutputOptions.fileTarget(output.output != null ? output.output
                : pprofOutput.isEmpty() ? null : pprofOutput, root.workDir, inputs);
        String binary = executable;
        int notFetched = unfetched;
        return asPprofError(() -> report(a, settings, sources, notFetched, bases, binary, target));
    }

    /**
     * step's result; what goes wrong in it is what go tool pprof reports too (an input it cannot read,
     * a bad -sample_index or regexp, a -list that matches nothing, an output it cannot write), so it
     * gets pprof's exit code. leakscope's own input limits keep theirs: pprof has none.
     */
    private static <T> T asPprofError(Supplier<T> step) {
        try {
            return step.get();
        } catch (UsageException | InputException e) {
            if (LimitException.isCause(e)) {
                throw e;
            }
            throw new PprofError(e.getMessage(), e);
        }
    }

    private int report(PprofArgs a, ReportSettings settings, List<InputSource> sources, int unfetched,
                       List<InputSource> bases, String executable, Path target) {
        Combination.BaseMode mode = a.diffBase ? Combination.BaseMode.DIFF_BASE : Combination.BaseMode.SUBTRACT;
        // sample-level reports need the merge, which drops samples of no value as pprof's does
        boolean graphOnly = !List.of("raw", "traces", "tags").contains(a.report);
        Consumer<String> notices = Output.notices(spec);
        Profile loaded = new Loader(input.limits(), notices, symbolization(a, executable, notices))
                .asPprof(sources, unfetched, bases, mode, a.has("normalize"), graphOnly);
        Profile commented = a.has("add_comment") ? loaded.withComment(a.get("add_comment", "")) : loaded;
        // pprof's bytes into a file or pipe; on a terminal, names are escaped as in leakscope's own reports
        Profile p = target == null && root.env.terminal() ? PrintableNames.of(commented) : commented;
        if (output.output == null && target != null) {
            notices.accept("Generating report in " + a.get("output", "")); // pprof's line for its -output
        }
        return switch (a.report) {
            case "raw" -> {
                Profile filtered = settings.filters().apply(p, notices);
                yield Output.print(spec, target, w -> RawReport.write(filtered, settings.zone(), w));
            }
            case "comments" -> Output.print(spec, target, w -> p.comments().forEach(w::println));
            default -> {
                Pattern symbol = a.reportValue == null ? null : Regexes.compile(a.reportValue, "parsing argument regexp " + a.reportValue);
                ReportSettings forReport = a.report.equals("list")
                        ? settings.withGranularity(Granularity.LINES, settings.noInlines()) : settings;
                ReportContext rc = ReportContext.of(p, forReport, notices);
                yield Output.print(spec, target, w -> {
                    switch (a.report) {
                        case "traces" -> TracesReport.write(rc, w);
                        case "tree", "peek" -> TreeReport.write(rc, symbol, w);
                        case "list" -> SourceListing.write(rc, symbol, root.workDir, w);
                        case "tags" -> TagsReport.write(rc, w);
                        default -> TopReport.write(rc, w);
                    }
                });
            }
        };
    }

    /** pprof's binary search and local symbolization, as -symbolize asks. */
    private Symbolization symbolization(PprofArgs a, String executable, Consumer<String> notices) {
        return InputOptions.symbolization(root, input.limits(), executable, a.get("symbolize", ""), notices,
                LocalSymbolizer.Style.PPROF);
    }

    /**
     * Whether the first argument is the binary: a regular file with the ELF magic number (pprof takes any
     * file its object readers open; a device or pipe is never read for this, it could block or never end).
     * A corrupt ELF file is still the binary: its symbolization fails with a notice.
     */
    private static boolean isExecutable(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ElfFile.hasElfMagic(in.readNBytes(4));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
