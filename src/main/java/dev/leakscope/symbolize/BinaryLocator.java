package dev.leakscope.symbolize;

import dev.leakscope.binary.ObjectFiles;
import dev.leakscope.util.GoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;

/**
 * Where the binaries of a profile's mappings are, found as pprof finds them (its locateBinaries), for
 * each profile as it is read: under each directory of the search path ({@code $PPROF_BINARY_PATH}, else
 * {@code $HOME/pprof/binaries}) by build id or file name; and the executable given on the command line,
 * which names the first mapping's file (a placeholder mapping is added to a profile without any).
 */
public final class BinaryLocator {
    private final List<String> searchPath;
    private final String executable;
    private final ObjectFiles files;
    private final Function<String, Path> resolve;
    private final Consumer<String> notices;

    /**
     * @param searchPath directories to search, in order
     * @param executable the binary given on the command line, or null
     * @param resolve    a directory or file name as given, resolved against the working directory
     */
    public BinaryLocator(List<String> searchPath, String executable, ObjectFiles files,
                         Function<String, Path> resolve, Consumer<String> notices) {
        this.searchPath = searchPath;
        this.executable = executable;
        this.files = files;
        this.resolve = resolve;
        this.notices = notices;
    }

    /** pprof's search path: $PPROF_BINARY_PATH, or $HOME/pprof/binaries. */
    public static List<String> defaultSearchPath(Function<String, String> env) {
        String path = env.apply("PPROF_BINARY_PATH");
        if (path == null || path.isEmpty()) {
            String home = env.apply("HOME");
            path = join(home == null ? "" : home, "pprof", "binaries");
        }
        return GoPaths.splitList(path);
    }

    /** The profile with its mappings' files replaced by the binaries found for them. */
    public Profile locate(Profile p) {
        Mapping[] mappings = new Mapping[p.mappingCount()];
        boolean changed = false;
        for (int i = 0; i < mappings.length; i++) {
            Mapping m = p.mapping(i);
            String found = find(m);
            mappings[i] = found == null ? m : withFile(m, found);
            changed |= found != null;
        }
        Profile located = (changed ? p.withMappings(mappings) : p).withPlaceholderMapping();
        if (executable == null) {
            return located;
        }
        Mapping[] withExecutable = located.mappings.clone();
        withExecutable[0] = withFile(withExecutable[0], executable);
        return located.withMappings(withExecutable);
    }

    private String find(Mapping m) {
        String baseName = m.file().isEmpty() ? "" : GoPaths.base(m.file());
        for (String dir : searchPath) {
            List<String> names = new ArrayList<>();
            if (!m.buildId().isEmpty()) {
                names.add(join(dir, m.buildId(), baseName));
                names.addAll(glob(join(dir, m.buildId())));
                names.add(join(dir, m.file(), m.buildId()));
            }
            if (!m.file().isEmpty()) {
                if (!baseName.isEmpty()) {
                    names.add(join(dir, baseName));
                }
                names.add(join(dir, m.file()));
            }
            for (String name : names) {
                if (files.open(name).file() == null) {
                    continue;
                }
                if (!m.buildId().isEmpty()) {
                    // go tool pprof cannot read build ids, so a build id never matches a local file
                    notices.accept("Ignoring local file " + name + ": build-id mismatch (" + m.buildId() + " != )");
                    continue;
                }
                return name;
            }
        }
        return null;
    }

    /** The entries of a directory, as Go's filepath.Glob(dir + "/*") lists them (sorted). */
    private List<String> glob(String dir) {
        try {
            Path path = resolve.apply(dir);
            if (!Files.isDirectory(path)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(path)) {
                return entries.map(e -> join(dir, e.getFileName().toString())).sorted().toList();
            }
        } catch (IOException | RuntimeException e) {
            // a name no file can have (InvalidPathException), or a directory that cannot be listed
            return List.of();
        }
    }

    /** Go's filepath.Join: the non-empty elements joined by slashes, cleaned. */
    private static String join(String... elements) {
        List<String> parts = new ArrayList<>();
        for (String e : elements) {
            if (!e.isEmpty()) {
                parts.add(e);
            }
        }
        return parts.isEmpty() ? "" : GoPaths.clean(String.join("/", parts));
    }

    private static Mapping withFile(Mapping m, String file) {
        return new Mapping(m.id(), m.start(), m.limit(), m.offset(), file, m.buildId(), m.hasFunctions(),
                m.hasFilenames(), m.hasLineNumbers(), m.hasInlineFrames());
    }
}
