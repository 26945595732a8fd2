package dev.leakscope.format.histogram;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;
import dev.leakscope.profile.Producers;
import dev.leakscope.profile.TextPart;
import dev.leakscope.profile.TimeSource;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * JVM class histograms ({@code jcmd PID GC.class_histogram}, {@code jmap -histo[:live]}, the JVM's
 * standard output with {@code -XX:+PrintClassHistogram}, GC logs) as profiles: one sample per class,
 * its only frame the class, with {@code instances} and {@code bytes} (the default). Unless a GC log
 * dates it, the text has no time: it is taken from the file name or modification time
 * ({@link CaptureTime}), so a directory of histograms is a series in capture order.
 */
public final class ClassHistogram {
    private ClassHistogram() {
    }

    /** Whether decompressed content starting with head is a class histogram. */
    public static boolean sniff(byte[] head) {
        byte[] text = Utf16Text.utf8(head);
        // What HistogramReader.sniff finds needs one of these words (its header's, a GC log's tag): every
        // pprof input is told from them alone, without the start-up cost of HistogramReader's regular
        // expressions and date formats.
        String latin1 = new String(text, StandardCharsets.ISO_8859_1);
        return (latin1.contains("#instances") || latin1.contains(",classhisto")) && HistogramReader.sniff(text);
    }

    /** Whether content starting with head is UTF-16 text behind its byte-order mark (Windows PowerShell 5's). */
    public static boolean utf16(byte[] head) {
        return Utf16Text.marked(head);
    }

    /** Whether decompressed content, whole, holds a class histogram within other text. */
    public static boolean holds(byte[] data) {
        return HistogramReader.holds(Utf16Text.utf8(data));
    }

    /** The histogram in source as a profile; a malformed line is an input error naming the source and line. */
    public static Profile load(InputSource source, Limits limits) {
        Profile p = find(source, limits);
        if (p == null) {
            throw new InputException(source.name() + ": no class histogram header (\" num     #instances         #bytes"
                    + "  class name\")");
        }
        return p;
    }

    /**
     * The last complete histogram in the text of source (the JVM's standard output, a GC log, a
     * histogram alone), the other lines skipped; null when the text holds no histogram header.
     */
    public static Profile find(InputSource source, Limits limits) {
        ProfileBuilder builder = ProfileBuilder.withEmptyString();
        HistogramReader.Facts facts;
        try (InputStream in = Utf16Text.utf8(source.openProfile(limits))) {
            facts = new HistogramReader(builder).read(in);
        } catch (InputException e) {
            throw e.getMessage().startsWith(source.name() + ":") ? e
                    : LimitException.named(source.name(), e);
        } catch (IOException e) {
            throw new InputException(source.name() + ": cannot read: " + e.getMessage(), e);
        }
        if (facts == null) {
            return null;
        }
        CaptureTime time = CaptureTime.of(source, facts.timeNanos(), facts.zoned(), facts.zoned()
                ? "from the text (the GC log's time)" : "from the text (the thread dump's local time, read as UTC)");
        builder.setTimeNanos(time.nanos());
        comment(builder, producer(facts));
        comment(builder, TimeSource.comment(time.how()));
        for (String w : facts.warnings()) {
            comment(builder, "The JVM warned: " + w);
        }
        String where = where(facts);
        if (where != null) {
            comment(builder, where);
        }
        if (facts.skipped() != 0) {
            comment(builder, "Skipped the class histogram of line " + facts.skipped()
                    + ": it breaks off or is cut short, the last complete one counts");
        }
        if (!facts.total()) {
            comment(builder, "No Total line: the histogram was cut short, only the classes listed are read");
        }
        facts.classes().writeTo();
        return builder.build();
    }

    /** Which histogram of the text counts, when the text holds more than it. */
    private static String where(HistogramReader.Facts facts) {
        boolean log = facts.layout() == HistogramReader.Layout.GC_LOG || facts.layout() == HistogramReader.Layout.JDK8_GC_LOG;
        if (log) {
            return facts.histograms() > 1 ? TextPart.lastInLog(facts.histograms()) : null;
        }
        if (!facts.otherText() && facts.histograms() <= 1) {
            return null;
        }
        return TextPart.lines(facts.firstLine(), facts.lastLine(), facts.lines(), facts.histograms(), facts.otherText());
    }

    /** "Class histogram (jcmd GC.class_histogram) of process 12742, JDK 17.0.15": what info shows as producer. */
    private static String producer(HistogramReader.Facts facts) {
        StringBuilder s = new StringBuilder(Producers.CLASS_HISTOGRAM);
        s.append(switch (facts.layout()) {
            case JHSDB -> " (jhsdb jmap --histo)";
            case GC_LOG -> " (GC log, -Xlog:gc+classhisto)";
            case JDK8_GC_LOG -> " (GC log, -XX:+PrintClassHistogramBeforeFullGC or AfterFullGC)";
            case JCMD -> facts.pid() != null ? " (jcmd GC.class_histogram)" : facts.otherText()
                    ? " (-XX:+PrintClassHistogram or jmap -histo)" : " (jmap -histo or jcmd GC.class_histogram)";
        });
        if (facts.pid() != null) {
            s.append(" of process ").append(facts.pid());
        }
        if (facts.jdk() != null) {
            s.append(", JDK ").append(facts.jdk());
        } else if (facts.layout() != HistogramReader.Layout.JHSDB) {
            s.append(facts.moduleColumn() ? ", JDK 9 or later" : ", JDK 8 layout (no module column)");
        }
        return s.toString();
    }

    private static void comment(ProfileBuilder builder, String s) {
        builder.addComment(builder.intern(s));
    }
}
