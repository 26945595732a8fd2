package dev.leakscope.cli;

import java.util.List;

/** The Go leak scenarios of the shared corpus with the function and source line that leak (its README). */
record LeakScenarios(String scenario, String function, String leakLine, String callerPath) {
    static final List<LeakScenarios> ALL = List.of(
            new LeakScenarios("map-cache", "cache.buildTree", "13:\tn.Label = make([]byte, 96)",
                    "main.runPhases > example.com/leakdemo/internal/cache.Phase > "
                            + "example.com/leakdemo/internal/cache.(*Cache).Get > example.com/leakdemo/internal/cache.buildTree"),
            new LeakScenarios("growing-slice", "events.newEvent", "27:\te.Payload = make([]byte, size)",
                    "example.com/leakdemo/internal/events.(*Store).Append > example.com/leakdemo/internal/events.newEvent"),
            new LeakScenarios("goroutine-leak", "fanout.queryReplica", "32:\tbuf := make([]byte, size)",
                    "example.com/leakdemo/internal/fanout.queryReplica"),
            new LeakScenarios("subslice-retention", "parse.readRecord", "22:\tbuf := make([]byte, n)",
                    "example.com/leakdemo/internal/parse.(*Index).Ingest > example.com/leakdemo/internal/parse.readRecord"));
}
