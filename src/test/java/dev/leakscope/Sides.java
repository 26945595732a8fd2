package dev.leakscope;

import dev.leakscope.diff.Side;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.load.DiffInputs;
import dev.leakscope.load.Loader;
import dev.leakscope.symbolize.Symbolization;
import java.util.List;
import java.util.function.Consumer;

/** The two sides of a diff as the diff command loads them. */
public final class Sides {
    private Sides() {
    }

    /** @return base, then current */
    public static List<Side> of(List<InputSource> base, List<InputSource> current, Limits limits,
                                Consumer<String> warn, Symbolization symbolization) {
        DiffInputs in = new Loader(limits, warn, symbolization).diff(base, current, null);
        return List.of(new Side(in.base(), in.baseInputs()), new Side(in.current(), in.currentInputs()));
    }
}
