package dev.leakscope.cli;

import dev.leakscope.report.LineListing;
import dev.leakscope.report.ReportContext;
import dev.leakscope.report.ReportSettings;
import dev.leakscope.util.UsageException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscope list REGEX FILE}: per-line values of the matching functions, as pprof -list. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Show the source lines of the functions matching REGEX with their flat and cum values.",
            "With --base, each line shows base, current and delta, and the line that grew most is marked."})
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

    @Override
    public Integer call() {
        Pattern fn = compile(regex);
        ReportSettings settings = sample.settings(filters).withPaths(trimPath, sourcePath);
        ReportContext current = BaseOption.load(files, settings, root, input, spec);
        BaseOption.noteHarmonization(current, spec);
        ReportContext before = base.load(current, settings, root, input, spec);
        return Output.print(spec, w -> LineListing.write(before, current, fn, root.workDir, w));
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("invalid regex '" + regex + "': " + e.getDescription());
        }
    }
}
