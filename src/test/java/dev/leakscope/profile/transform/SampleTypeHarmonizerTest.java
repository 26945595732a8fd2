package dev.leakscope.profile.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakscope.format.legacy.LegacyParsers;
import dev.leakscope.profile.Harmonization;
import dev.leakscope.profile.Profile;
import dev.leakscope.profile.ValueType;
import dev.leakscope.util.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sample types that differ in form: equivalence, intersection, periods, the note and the error. */
class SampleTypeHarmonizerTest {
    private static final List<ValueType> HEAP = List.of(new ValueType("alloc_objects", "count"),
            new ValueType("alloc_space", "bytes"), new ValueType("inuse_objects", "count"),
            new ValueType("inuse_space", "bytes"));

    /** A heap text (heapprofile: not sampled, so the values stay as written). */
    private static Profile heap(String header, String... lines) {
        String text = header + "\n" + String.join("\n", lines) + "\n";
        return LegacyParsers.parse(text.getBytes(StandardCharsets.UTF_8), true).build();
    }

    private static long[] row(Profile p, int sample) {
        long[] v = new long[p.typeCount()];
        for (int t = 0; t < v.length; t++) {
            v[t] = p.value(sample, t);
        }
        return v;
    }

    @Test
    void headerSayingNothingWasFreedMarksTheTwoTypeForm() {
        assertTrue(heap("heap profile: 2: 64 [2: 64] @ heapprofile", "2: 64 [2: 64] @ 0x10").nothingFreed);
        Profile freed = heap("heap profile: 1: 32 [2: 64] @ heapprofile", "1: 32 [2: 64] @ 0x10");
        assertFalse(freed.nothingFreed);
        assertEquals(HEAP, freed.sampleTypes());
        // no allocation counts at all: two types, but nothing says they are the allocated ones too
        Profile inuseOnly = heap("heap profile: 2: 64 [0: 0] @ heapprofile", "2: 64 [0: 0] @ 0x10");
        assertFalse(inuseOnly.nothingFreed);
        assertEquals(2, inuseOnly.typeCount());
        // Go's debug=1 header before the first GC
        assertTrue(heap("heap profile: 1: 416 [1: 416] @ heap/1048576", "1: 416 [1: 416] @ 0x10").nothingFreed);
        // tcmalloc's heap_v2 samples always repeat the in-use pair: no allocation data, nothing implied
        assertFalse(heap("heap profile: 1: 512 [1: 512] @ heap_v2/524288", "1: 512 [1: 512] @ 0x10").nothingFreed);
    }

    @Test
    void twoTypeTextBeforeAnyFreeIsAllocatedAndInUseAtOnce() {
        Profile before = heap("heap profile: 2: 64 [2: 64] @ heapprofile", "2: 64 [2: 64] @ 0x10");
        Profile after = heap("heap profile: 1: 32 [5: 160] @ heapprofile", "1: 32 [5: 160] @ 0x10");
        SampleTypeHarmonizer.Result r = SampleTypeHarmonizer.harmonize(List.of(before, after), List.of("a", "b"));
        assertEquals(HEAP, r.profiles().get(0).sampleTypes());
        assertEquals(HEAP, r.profiles().get(1).sampleTypes());
        assertEquals(List.of(2L, 64L, 2L, 64L), List.of(box(row(r.profiles().get(0), 0))));
        assertEquals(List.of(5L, 160L, 1L, 32L), List.of(box(row(r.profiles().get(1), 0))));
        assertEquals(List.of("a"), r.harmonization().equated());
        assertTrue(r.harmonization().dropped().isEmpty());
        assertEquals("a: objects, space taken as alloc_* and inuse_* alike (the header says nothing was freed yet)",
                r.harmonization().describe());
        // merged, they are one profile with the four types
        Profile merged = Combination.merge(r.profiles(), List.of("a", "b"), false);
        assertEquals(HEAP, merged.sampleTypes());
        assertEquals(List.of(7L, 224L, 3L, 96L), List.of(box(merged.totals())));
    }

    @Test
    void otherListsAreIntersectedByNameAndUnit() {
        Profile go = heap("heap profile: 1: 32 [5: 160] @ heapprofile", "1: 32 [5: 160] @ 0x10");
        // in-use only (no allocation counts): objects and space are pprof's inuse_objects and inuse_space
        Profile inuse = heap("heap profile: 2: 64 [0: 0] @ heapprofile", "2: 64 [0: 0] @ 0x10");
        SampleTypeHarmonizer.Result r = SampleTypeHarmonizer.harmonize(List.of(inuse, go), List.of("x.heap", "y.heap"));
        List<ValueType> inuseTypes = List.of(new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "bytes"));
        assertEquals(inuseTypes, r.profiles().get(0).sampleTypes());
        assertEquals(inuseTypes, r.profiles().get(1).sampleTypes());
        assertEquals(List.of(1L, 32L), List.of(box(row(r.profiles().get(1), 0))));
        assertEquals(List.of(2L, 64L), List.of(box(row(r.profiles().get(0), 0))));
        Harmonization h = r.harmonization();
        assertEquals(2, h.dropped().size());
        assertEquals(List.of("x.heap"), h.lacking("alloc_space"));
        assertEquals("dropped alloc_objects, alloc_space (not in x.heap)", h.describe());
    }

    @Test
    void unitsOfOneFamilyMatchAndAreLeftToCompatibility() {
        Profile bytes = heap("heap profile: 1: 32 [5: 160] @ heapprofile", "1: 32 [5: 160] @ 0x10");
        Profile kb = new Profile(withTypes(heap("heap profile: 2: 2048 [0: 0] @ heapprofile", "2: 2048 [0: 0] @ 0x10"),
                new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "kilobytes")));
        SampleTypeHarmonizer.Result r = SampleTypeHarmonizer.harmonize(List.of(bytes, kb), List.of("a", "b"));
        assertEquals(new ValueType("inuse_space", "kilobytes"), r.profiles().get(1).sampleType(1));
        List<Profile> scaled = Compatibility.harmonize(r.profiles(), List.of("a", "b"));
        assertEquals(new ValueType("inuse_space", "bytes"), scaled.get(1).sampleType(1));
        assertEquals(2048L * 1024, scaled.get(1).value(0, 1));
    }

    @Test
    void differentPeriodsAreNotedAndMergeToTheLargest() {
        Profile a = heap("heap profile: 1: 32 [5: 160] @ heap_v2/524288", "1: 32 [5: 160] @ 0x10");
        Profile b = heap("heap profile: 2: 64 [2: 64] @ heap/2097152", "2: 64 [2: 64] @ 0x10");
        SampleTypeHarmonizer.Result r = SampleTypeHarmonizer.harmonize(List.of(a, b), List.of("a", "b"));
        assertEquals("sampling periods differ (524288 to 1048576): values are un-sampled estimates, the combined"
                + " period is the largest", r.harmonization().periods());
        assertEquals(1048576, Combination.merge(r.profiles(), List.of("a", "b"), false).period());
        // period types that do not pair up are dropped, and said so
        Profile none = new Profile(withPeriod(b, ValueType.EMPTY));
        r = SampleTypeHarmonizer.harmonize(List.of(a, none), List.of("a", "c"));
        assertEquals("period types differ (a space/bytes, c none): periods dropped", r.harmonization().periods());
        assertEquals(ValueType.EMPTY, r.profiles().get(0).periodType());
        assertEquals(0, r.profiles().get(0).period());
    }

    @Test
    void profilesThatAgreeAreLeftAlone() {
        Profile a = heap("heap profile: 1: 32 [5: 160] @ heapprofile", "1: 32 [5: 160] @ 0x10");
        Profile b = heap("heap profile: 2: 64 [9: 640] @ heapprofile", "2: 64 [9: 640] @ 0x10");
        SampleTypeHarmonizer.Result r = SampleTypeHarmonizer.harmonize(List.of(a, b), List.of("a", "b"));
        assertSame(a, r.profiles().get(0));
        assertSame(b, r.profiles().get(1));
        assertTrue(r.harmonization().isNone());
    }

    @Test
    void nothingInCommonIsAnErrorGroupingTheInputs() {
        Profile heap = heap("heap profile: 1: 32 [5: 160] @ heapprofile", "1: 32 [5: 160] @ 0x10");
        Profile cpu = new Profile(withTypes(heap("heap profile: 1: 32 [0: 0] @ heapprofile", "1: 32 [0: 0] @ 0x10"),
                new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")));
        InputException e = assertThrows(InputException.class,
                () -> SampleTypeHarmonizer.harmonize(List.of(heap, cpu, heap), List.of("h0", "cpu", "h2")));
        assertEquals("no sample type is common to all inputs: h0, h2 have " + HEAP
                + ", cpu has [samples/count, cpu/nanoseconds]", e.getMessage());
    }

    @Test
    void shapeFindsAMeasurementUnderAnyOfItsForms() {
        SampleTypeHarmonizer.Shape before = new SampleTypeHarmonizer.Shape(
                List.of(new ValueType("objects", "count"), new ValueType("space", "bytes")), true);
        assertEquals(1, before.column("alloc_space", "bytes"));
        assertEquals(1, before.column("inuse_space", null));
        assertEquals(0, before.column("alloc_objects", null));
        assertEquals(new ValueType("inuse_space", "bytes"), before.meaning(1));
        assertEquals(-1, before.column("alloc_space", "count"));
        SampleTypeHarmonizer.Shape inuseOnly = new SampleTypeHarmonizer.Shape(before.types(), false);
        assertEquals(-1, inuseOnly.column("alloc_space", null));
        assertEquals(1, inuseOnly.column("inuse_space", "bytes"));
        assertEquals(new ValueType("space", "bytes"), inuseOnly.meaning(1));
    }

    private static dev.leakscope.profile.ProfileBuilder.Parts withTypes(Profile p, ValueType... types) {
        dev.leakscope.profile.ProfileBuilder.Parts parts = p.parts();
        parts.sampleTypes = types;
        return parts;
    }

    private static dev.leakscope.profile.ProfileBuilder.Parts withPeriod(Profile p, ValueType periodType) {
        dev.leakscope.profile.ProfileBuilder.Parts parts = p.parts();
        parts.periodType = periodType;
        return parts;
    }

    private static Long[] box(long[] v) {
        Long[] out = new Long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
