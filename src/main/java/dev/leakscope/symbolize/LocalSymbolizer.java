package dev.leakscope.symbolize;

import dev.leakscope.binary.DwarfSymbols;
import dev.leakscope.binary.ObjectFile;
import dev.leakscope.binary.ObjectFiles;
import dev.leakscope.util.GoPaths;
import dev.leakscope.util.IntList;
import dev.leakscope.util.LongIntMap;
import dev.leakscope.util.LongList;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import dev.leakscope.profile.Mapping;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ProfileBuilder;

/**
 * pprof's local symbolization: each location in a mapping whose binary can be opened gets the frame
 * that binary's DWARF gives its address (see {@link DwarfSymbols} for exactly which), replacing its
 * lines. Mappings already symbolized are left alone unless forced; the mapping's flags record what
 * was found. Notices say which binaries could not be opened, in pprof's words.
 */
public final class LocalSymbolizer {
    private static final int SYMBOLIZED = 1;
    private static final int FUNCTIONS = 2;
    private static final int FILENAMES = 4;
    private static final int LINE_NUMBERS = 8;

    private final Profile p;
    private final ObjectFiles files;
    private final Consumer<String> notices;
    private Map<String, Integer> stringIndex;
    private final List<String> newStrings = new ArrayList<>();
    /** New functions by (name index, file index). */
    private final LongIntMap newFunctions = new LongIntMap(64);
    private final IntList newFnName = new IntList();
    private final IntList newFnFile = new IntList();

    private final Style style;

    /** Whose symbolization: pprof's exactly, or leakscope's own. */
    public enum Style {
        /**
         * go tool pprof's: one frame per address, named only when its function's DWARF entry has a name
         * of its own; pprof's notices when a binary cannot be opened.
         */
        PPROF,
        /** A debugger's: the inlined frames too, with qualified names; one notice per binary missing. */
        FULL
    }

    private LocalSymbolizer(Profile p, ObjectFiles files, Consumer<String> notices, Style style) {
        this.p = p;
        this.files = files;
        this.notices = notices;
        this.style = style;
    }

    /** An opened binary for one mapping: addresses minus offset are addresses in the file. */
    private record Segment(ObjectFile file, long offset) {
    }

    /**
     * The profile with its locations symbolized from their mappings' binaries.
     *
     * @param force symbolize mappings that already have function names, too
     */
    public static Profile symbolize(Profile p, boolean force, ObjectFiles files, Consumer<String> notices,
                                    Style style) {
        return new LocalSymbolizer(p, files, notices, style).run(force);
    }

    private Profile run(boolean force) {
        Segment[] segments = openSegments(force);
        if (segments == null) {
            return p; // no binary to read: every location stays as it is
        }
        int locations = p.locationCount();
        // per mapping, what its symbolized frames held: bits of FUNCTIONS, FILENAMES, LINE_NUMBERS
        int[] found = new int[p.mappingCount()];
        boolean changed = false;
        IntList lineStart = new IntList(locations + 1);
        IntList lineFunction = new IntList(p.lineFunction.length);
        LongList lineNumber = new LongList(p.lineNumber.length);
        boolean[] folded = p.locFolded.clone();
        for (int l = 0; l < locations; l++) {
            lineStart.add(lineFunction.size());
            int m = p.locMapping[l];
            Segment s = m >= 0 ? segments[m] : null;
            List<DwarfSymbols.Frame> frames = s == null ? List.of() : frames(s, p.locAddress[l] - s.offset);
            if (frames.isEmpty()) {
                for (int i = p.locLineStart[l]; i < p.locLineStart[l + 1]; i++) {
                    lineFunction.add(p.lineFunction[i]);
                    lineNumber.add(p.lineNumber[i]);
                }
                continue;
            }
            changed = true;
            folded[l] = false;
            for (DwarfSymbols.Frame frame : frames) {
                lineFunction.add(function(frame.function(), frame.file()));
                lineNumber.add(frame.line());
                found[m] |= SYMBOLIZED | (frame.function().isEmpty() ? 0 : FUNCTIONS)
                        | (frame.file().isEmpty() ? 0 : FILENAMES) | (frame.line() == 0 ? 0 : LINE_NUMBERS);
            }
        }
        if (!changed) {
            return p;
        }
        lineStart.add(lineFunction.size());
        ProfileBuilder.Parts parts = p.parts();
        parts.mappings = withFlags(found);
        parts.locLineStart = lineStart.toArray();
        parts.lineFunction = lineFunction.toArray();
        parts.lineNumber = lineNumber.toArray();
        parts.locFolded = folded;
        addFunctions(parts);
        return new Profile(parts);
    }

    /** The mappings with the flags of what symbolization found in them (as pprof sets them). */
    private Mapping[] withFlags(int[] found) {
        Mapping[] mappings = p.mappings.clone();
        for (int m = 0; m < mappings.length; m++) {
            Mapping old = mappings[m];
            if (found[m] != 0) {
                mappings[m] = new Mapping(old.id(), old.start(), old.limit(), old.offset(), old.file(),
                        old.buildId(), old.hasFunctions() || (found[m] & FUNCTIONS) != 0,
                        old.hasFilenames() || (found[m] & FILENAMES) != 0,
                        old.hasLineNumbers() || (found[m] & LINE_NUMBERS) != 0, true);
            }
        }
        return mappings;
    }

    private List<DwarfSymbols.Frame> frames(Segment s, long address) {
        if (style == Style.FULL) {
            return s.file.frames(address);
        }
        DwarfSymbols.Frame f = s.file.sourceLine(address);
        return f == null ? List.of() : List.of(f);
    }

    /**
     * pprof's newMapping: the binaries of the mappings that locations use and that need symbols; null
     * when there is none to read.
     */
    private Segment[] openSegments(boolean force) {
        boolean[] used = new boolean[p.mappingCount()];
        for (int m : p.locMapping) {
            if (m >= 0) {
                used[m] = true;
            }
        }
        Segment[] segments = new Segment[used.length];
        boolean any = false;
        boolean missing = false;
        for (int i = 0; i < used.length; i++) {
            Mapping m = p.mapping(i);
            if (!used[i] || (!force && m.hasFunctions())) {
                continue;
            }
            if (m.file().isEmpty()) {
                // pprof also says "Main binary filename not available." for the first mapping: noise for
                // the many profiles whose frames need no binary
                missing |= i > 0;
                continue;
            }
            if (unsymbolizable(m) || (m.buildId().isEmpty() && isHttpUrl(m.file()))) {
                continue;
            }
            String name = GoPaths.base(m.file()) + (m.buildId().isEmpty() ? "" : " (build ID " + m.buildId() + ")");
            ObjectFiles.Opened opened = files.open(m.file());
            if (opened.file() == null) {
                if (style == Style.PPROF) {
                    notices.accept("Local symbolization failed for " + name + ": " + opened.error());
                } else if (i == 0 && files.firstFailure(m.file())) {
                    // only the program's own binary: shared libraries seldom have debugging information
                    notices.accept("cannot symbolize " + name + ": " + opened.error()
                            + " (give the binary with --binary FILE, or its directory in PPROF_BINARY_PATH)");
                }
                missing = true;
                continue;
            }
            if (opened.file().isGoBinary()) {
                if (style == Style.PPROF || files.firstFailure(m.file())) {
                    notices.accept("leakscope does not read Go symbol tables: " + name + " is not symbolized");
                }
                continue;
            }
            Long load = opened.file().loadAddress();
            segments[i] = new Segment(opened.file(), m.start() != 0 && load != null ? m.start() - load : 0);
            any = true;
        }
        if (missing && style == Style.PPROF) {
            notices.accept("Some binary filenames not available. Symbolization may be incomplete.\n"
                    + "Try setting PPROF_BINARY_PATH to the search path for local binaries.");
        }
        return any ? segments : null;
    }

    /** pprof's Mapping.Unsymbolizable: [vdso], [vsyscall] and the like, linux-vdso, /dev/dri/. */
    private static boolean unsymbolizable(Mapping m) {
        String name = GoPaths.base(m.file());
        return name.startsWith("[") || name.startsWith("linux-vdso") || m.file().startsWith("/dev/dri/");
    }

    private static boolean isHttpUrl(String file) {
        try {
            URI u = new URI(file);
            return u.isAbsolute() && u.getScheme().toLowerCase(java.util.Locale.ROOT).contains("http");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The index of the function (name, system name = name, file), added once per distinct frame. */
    private int function(String name, String file) {
        int nameIndex = string(name);
        int fileIndex = string(file);
        long key = (long) nameIndex << 32 | fileIndex;
        int known = newFunctions.get(key);
        if (known >= 0) {
            return known;
        }
        int index = p.functionCount() + newFnName.size();
        newFunctions.putIfAbsent(key, index);
        newFnName.add(nameIndex);
        newFnFile.add(fileIndex);
        return index;
    }

    private int string(String s) {
        if (stringIndex == null) {
            stringIndex = new HashMap<>();
            for (int i = 0; i < p.strings.length; i++) {
                stringIndex.put(p.strings[i], i);
            }
        }
        return stringIndex.computeIfAbsent(s, k -> {
            newStrings.add(k);
            return p.strings.length + newStrings.size() - 1;
        });
    }

    private void addFunctions(ProfileBuilder.Parts parts) {
        int old = p.functionCount();
        int added = newFnName.size();
        parts.strings = Arrays.copyOf(p.strings, p.strings.length + newStrings.size());
        for (int i = 0; i < newStrings.size(); i++) {
            parts.strings[p.strings.length + i] = newStrings.get(i);
        }
        parts.fnId = Arrays.copyOf(p.fnId, old + added);
        parts.fnName = Arrays.copyOf(p.fnName, old + added);
        parts.fnSystemName = Arrays.copyOf(p.fnSystemName, old + added);
        parts.fnFile = Arrays.copyOf(p.fnFile, old + added);
        parts.fnStartLine = Arrays.copyOf(p.fnStartLine, old + added);
        for (int i = 0; i < added; i++) {
            parts.fnId[old + i] = old + i + 1;
            parts.fnName[old + i] = newFnName.get(i);
            parts.fnSystemName[old + i] = newFnName.get(i);
            parts.fnFile[old + i] = newFnFile.get(i);
        }
    }
}
