package dev.leakscope.cli;

import dev.leakscope.util.PatternErrors;
import dev.leakscope.util.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The regexes users give on the command line (Java syntax, unanchored): a bad one is a usage error. */
final class Regexes {
    private Regexes() {
    }

    /** regex compiled; if it does not compile, a usage error: what it is (e.g. "invalid regex 'x'"), the reason. */
    static Pattern compile(String regex, String what) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException(what + ": " + PatternErrors.reason(e));
        }
    }

    /** Each regex compiled as {@link #compile} does; option names the option in the error ("--allow"). */
    static List<Pattern> compileAll(List<String> regexes, String option) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            out.add(compile(r, "invalid " + option + " regex '" + r + "'"));
        }
        return out;
    }
}
