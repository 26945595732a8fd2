package dev.leakscope.trend;

import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.FramePruner;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.format.ProfileLoader;
import dev.leakscope.util.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the snapshots of a trend one at a time into a {@link SeriesBuilder}. An argument that is a
 * directory stands for the files in it, sorted by name; among those, a file that is not a profile is
 * skipped with a warning (a named file that is not a profile is an error).
 */
public final class SnapshotLoader {
    private SnapshotLoader() {
    }

    /**
     * @param args    the command-line arguments: files, directories or {@code -}
     * @param warn    receives one line per skipped file
     */
    public static Series load(List<String> args, Path workDir, InputStream stdin, Limits limits,
                              SeriesBuilder builder, Consumer<String> warn) {
        for (String arg : args) {
            Path path = arg.equals("-") ? null : workDir.resolve(arg);
            if (path != null && Files.isDirectory(path)) {
                for (Path file : list(arg, path)) {
                    String name = arg.endsWith("/") ? arg + file.getFileName() : arg + "/" + file.getFileName();
                    Profile p;
                    try {
                        p = ProfileLoader.load(InputSource.of(name, workDir, stdin), limits);
                    } catch (InputException e) {
                        warn.accept("skipping " + e.getMessage());
                        continue;
                    }
                    builder.add(name, FramePruner.prune(p));
                }
            } else {
                InputSource source = InputSource.of(arg, workDir, stdin);
                builder.add(source.name(), FramePruner.prune(ProfileLoader.load(source, limits)));
            }
        }
        return builder.build();
    }

    /** The regular, not hidden files of a directory, sorted by name. */
    private static List<Path> list(String arg, Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new InputException(arg + ": cannot list directory: " + e.getMessage(), e);
        }
        return files;
    }
}
