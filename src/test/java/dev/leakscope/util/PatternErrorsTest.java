package dev.leakscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class PatternErrorsTest {
    @Test
    void aTrailingBackslashIsNamed() {
        assertEquals("a trailing backslash escapes nothing", reason("main\\"));
        assertEquals("a trailing backslash escapes nothing", reason("\\\\\\"));
        assertEquals("Unclosed group", reason("(a\\\\"));
    }

    private static String reason(String regex) {
        return PatternErrors.reason(assertThrows(PatternSyntaxException.class, () -> Pattern.compile(regex)));
    }
}
