package dev.leakscope.cli;

import dev.leakscope.report.Format;
import dev.leakscope.report.LineListing;
import dev.leakscope.report.pprof.ReportContext;
import dev.leakscope.report.pprof.ReportSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope list REGEX FILE}: per-line values of the matching functions, as pprof -list. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Show the source lines of the functions matching REGEX with their flat and cum values.",
            "With --base, each function gives flat and cum as base -> current (delta), each line its flat delta and"
                + " its cum base, current and delta (the deltas are pprof's -list -base values); the line whose flat value"
                + " grew most is marked (whose cum value grew most, when no flat value grew)."})
final class ListCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "REGEX", description = "Functions to list (unanchored regex on the name).")
    String regex;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "Profiles (merged); a directory or archive stands for all the profiles in it.")
    List<String> files;

    @Option(names = "--source-path", paramLabel = "DIRS", defaultValue = "",
            description = "Directories to find sources in, separated by ':' (default: the working directory).")
    String sourcePath;

    @Option(names = "--trim-path", paramLabel = "PREFIXES", defaultValue = "",
            description = "Path prefixes to remove from the profile's file names, separated by ':'.")
    String trimPath;

    @Mixin
    BaseOption base;

    @Mixin
    SampleOptions sample;

    @Mixin
    FilterOptions filters;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        Format f = format.format(LineListing.FORMATS);
        Pattern fn = Regexes.compile(regex, "invalid regex '" + regex + "'");
        ReportSettings settings = sample.settings(filters, root.env.zone()).withPaths(trimPath, sourcePath);
        BaseOption.Loaded loaded = base.load(this, files, format, settings);
        Path target = loaded.target();
        ReportContext current = loaded.current();
        ReportContext before = loaded.base();
        return Output.print(spec, target, w -> LineListing.render(before, current, loaded.harmonization(), fn, root.workDir,
                format.rendering(f), w));
    }
}
