package dev.leakscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the JVM's default time zone is UTC, told without the JVM's {@code TimeZone}, whose first use reads
 * the whole time-zone database (about 23 M instructions, 6% of a small report's run). It looks where JDK 17
 * does, in its order: the {@code user.timezone} property, else {@code TZ}, else {@code /etc/timezone} and the
 * link {@code /etc/localtime} (later JDKs read only the link, so both must say UTC). Where it cannot tell for
 * sure it says no, and the JVM is asked.
 */
final class SystemZone {
    private SystemZone() {
    }

    /**
     * Whether the default zone is UTC (false: ask the JVM), from the {@code user.timezone} property, the
     * variable {@code TZ}, and the files {@code /etc/timezone} and {@code /etc/localtime}.
     */
    static boolean utc(String property, String tz, Path timezoneFile, Path localtime) {
        if (property != null && !property.isEmpty()) {
            return isUtc(property);
        }
        if (tz != null && !tz.isEmpty()) {
            // as the JDK reads TZ: a leading ':' and Linux's "posix/" prefix ignored
            String id = tz.startsWith(":") ? tz.substring(1) : tz;
            return isUtc(id.startsWith("posix/") ? id.substring("posix/".length()) : id);
        }
        try {
            String named = Files.isRegularFile(timezoneFile) ? firstLine(timezoneFile) : "";
            if (!named.isEmpty() && !isUtc(named) || !Files.isSymbolicLink(localtime)) {
                return false;
            }
            String link = Files.readSymbolicLink(localtime).toString();
            int zoneinfo = link.indexOf("zoneinfo/");
            return zoneinfo >= 0 && isUtc(link.substring(zoneinfo + "zoneinfo/".length()));
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String firstLine(Path file) throws IOException {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Whether a zone id names UTC itself (what leakscope prints as "UTC"). */
    static boolean isUtc(String id) {
        return id.equals("UTC") || id.equals("Etc/UTC");
    }
}
