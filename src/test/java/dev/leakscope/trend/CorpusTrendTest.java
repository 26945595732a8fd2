package dev.leakscope.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.TestData;
import dev.leakscope.graph.Granularity;
import dev.leakscope.input.InputSource;
import dev.leakscope.input.Limits;
import dev.leakscope.profile.transform.Combination;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.transform.FramePruner;
import dev.leakscope.format.ProfileLoader;
import dev.leakscope.load.SnapshotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the real series of the shared corpus: the planted leak is the first suspect, controls have none.
 * Where the first suspect is not the function the scenario's README names, the comment says why.
 */
class CorpusTrendTest {
    private static final Limits LIMITS = new Limits(1L << 30);

    static Trend trend(String scenario) {
        return trend(scenario, Profile::defaultSampleIndex);
    }

    static Trend trend(String scenario, ToIntFunction<Profile> sampleIndex) {
        return trend(scenario, sampleIndex, ".pb.gz");
    }

    static Trend trend(String scenario, ToIntFunction<Profile> sampleIndex, String extension) {
        Path dir = TestData.corpus(scenario);
        List<InputSource> files = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            files.add(InputSource.of(dir.resolve("heap_" + k + extension)));
        }
        SeriesBuilder b = new SeriesBuilder(Granularity.FUNCTIONS, false, false, sampleIndex);
        SnapshotReader.forEach(files, LIMITS, w -> {
            throw new AssertionError("unexpected warning " + w);
        }, (m, p) -> b.add(m.argument(), m.name(), FramePruner.prune(p)));
        return TrendAnalysis.analyze(b.build());
    }

    @ParameterizedTest
    @CsvSource({
        "go/growing-slice, example.com/leakdemo/internal/events.newEvent",
        "go/goroutine-leak, example.com/leakdemo/internal/fanout.queryReplica",
        "go/map-cache, example.com/leakdemo/internal/cache.buildTree",
        "go/subslice-retention, example.com/leakdemo/internal/parse.readRecord",
        "node/listener-leak, subscribeToConfig",
        // The leak is rememberSession's Map, but what it retains was allocated by renderTemplate
        // (+85 MB flat against rememberSession's +61 MB): both are suspects, the allocation site first.
        "node/cache-leak, renderTemplate",
        // TurboFan inlined the leaking callees into phaseWork, so the profile charges it (+174 MB flat).
        "node/cache-leak-inlined, phaseWork",
        // async-profiler puts the allocated class as the leaf frame: flat lands on byte[] allocated in
        // leak/SessionRegistry.register (the only caller of the growth), which the row names.
        "java-asprof/static-list-leak, byte[] (via leak/SessionRegistry.register)",
        "java-asprof/static-list-leak-live-count, byte[] (via leak/SessionRegistry.register)",
        // Every native allocation ends in async-profiler's malloc_hook, the only node with flat
        // value; its row names the leaking Java caller it grew through, OffHeapRegistry.retainDirect.
        "java-asprof/nativemem-direct-buffer-leak, malloc_hook (via leak/OffHeapRegistry.retainDirect)",
    })
    void plantedLeakIsTheFirstSuspect(String scenario, String leak) {
        Trend t = trend(scenario);
        Trend.Row first = t.rows().get(0);
        assertEquals(leak, first.nameWithVia(), scenario);
        assertTrue(first.stats().suspect(), scenario);
        assertTrue(t.perHour(), "corpus snapshots carry timestamps");
    }

    /**
     * The native legacy profiles hold raw addresses: the leak (app::SessionCache::Insert) is in the
     * program's binary, [leaky_*]. gperftools records the program's frame as leaf; tcmalloc and
     * jemalloc put their own, so the row is the allocator's, via the program's binary. The snapshots
     * carry no timestamps: growth is per snapshot.
     */
    @ParameterizedTest
    @CsvSource({
        "native/gperftools-heapprof/cache-leak, [leaky_gperf_heapprof]",
        "native/tcmalloc-sample/cache-leak, [libtcmalloc.so.4.5.10] (via [leaky_tcmalloc_sample])",
        "native/jemalloc/cache-leak, [libjemalloc.so.2] (via [leaky_jemalloc])",
    })
    void nativeLeakIsTheFirstSuspect(String scenario, String leak) {
        Trend t = trend(scenario, Profile::defaultSampleIndex, ".heap");
        Trend.Row first = t.rows().get(0);
        assertEquals(leak, first.nameWithVia(), scenario);
        assertTrue(first.stats().suspect(), scenario);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native/gperftools-heapprof/control", "native/tcmalloc-sample/control",
        "native/jemalloc/control"})
    void nativeControlsHaveNoSuspect(String scenario) {
        Trend t = trend(scenario, Profile::defaultSampleIndex, ".heap");
        assertEquals(0, t.suspectCount(), () -> scenario + ": " + t.rows().get(0));
        assertFalse(t.total().suspect());
    }

    /**
     * The via follows diff's rule ({@code graph.ViaValues#named}): in the native-memory control,
     * renderTemplate carried 0.46% of malloc_hook's change, too little to name (diff names none under 1%).
     */
    @Test
    void aViaThatCarriedUnderOnePercentOfTheChangeIsNotNamed() {
        Trend t = trend("java-asprof/nativemem-direct-buffer-control");
        Trend.Row hook = t.rows().get(0);
        assertEquals("malloc_hook", hook.nameWithVia());
        assertTrue(hook.stats().growth() != 0, "the node changed");
    }

    @Test
    void rememberSessionIsAlsoASuspectInNodeCacheLeak() {
        Trend t = trend("node/cache-leak");
        assertTrue(t.rows().stream().anyMatch(r -> r.name().equals("rememberSession") && r.stats().suspect()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go/control-churn", "node/control", "java-asprof/control",
        "java-asprof/nativemem-direct-buffer-control"})
    void controlsHaveNoSuspect(String scenario) {
        Trend t = trend(scenario);
        assertEquals(0, t.suspectCount(), () -> scenario + ": " + t.rows().get(0));
        assertFalse(t.total().suspect());
    }

    @Test
    void controlChurnAllocSpaceGrowsButInuseDoesNot() {
        // alloc_space is cumulative: it grows every phase without a leak; in-use space does not.
        Trend inuse = trend("go/control-churn");
        assertEquals("inuse_space", inuse.series().type());
        assertEquals(0, inuse.total().growth());
        Trend alloc = trend("go/control-churn", p -> p.sampleTypeIndex("alloc_space"));
        assertTrue(alloc.total().suspect(), "allocation totals only ever grow");
    }

    /**
     * A big allocation that stays the same (map-cache's buildTree, 38.5 MB, from one real snapshot in
     * every step) beside a smaller one that grows (growing-slice's newEvent, 1.5 → 9 MB): the small
     * growing one ranks first, the big steady one is no suspect.
     */
    @Test
    void smallGrowingNodeRanksAboveBigSteadyOne() {
        Profile big = load(TestData.corpus("go", "map-cache", "heap_5.pb.gz"));
        SeriesBuilder b = new SeriesBuilder(Granularity.FUNCTIONS, false, false, Profile::defaultSampleIndex);
        for (int k = 0; k <= 5; k++) {
            Path small = TestData.corpus("go", "growing-slice", "heap_" + k + ".pb.gz");
            b.add(k, "mix_" + k, Combination.merge(List.of(big, load(small)), List.of("big", "small_" + k), false));
        }
        Trend t = TrendAnalysis.analyze(b.build());
        List<String> names = t.rows().stream().map(Trend.Row::name).toList();
        int small = names.indexOf("example.com/leakdemo/internal/events.newEvent");
        int steady = names.indexOf("example.com/leakdemo/internal/cache.buildTree");
        assertEquals(0, small, names.toString());
        assertTrue(steady > small);
        Trend.Row bigRow = t.rows().get(steady);
        assertFalse(bigRow.stats().suspect());
        assertTrue(bigRow.stats().last() > 4 * t.rows().get(small).stats().last(), "the steady one is bigger");
    }

    private static Profile load(Path p) {
        return ProfileLoader.load(InputSource.of(p), LIMITS);
    }
}
