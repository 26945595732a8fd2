package dev.leakscope;

import dev.leakscope.binary.ObjectFiles;
import dev.leakscope.symbolize.BinaryLocator;
import dev.leakscope.symbolize.LocalSymbolizer;
import dev.leakscope.symbolize.Symbolization;
import java.nio.file.Path;
import java.util.List;

/** A symbolization that opens no binary: mapping names from test (or fuzzed) profiles never reach the disk. */
public final class NoBinaries {
    private NoBinaries() {
    }

    public static Symbolization symbolization() {
        ObjectFiles none = new ObjectFiles(name -> Path.of("/nonexistent"), 0);
        return new Symbolization(new BinaryLocator(List.of(), null, none, Path::of, line -> { }), none, "",
                line -> { }, LocalSymbolizer.Style.PPROF);
    }
}
