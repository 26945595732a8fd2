package dev.leakscope.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakscope.util.InputException;
import org.junit.jupiter.api.Test;

class ProfileBuilderTest {
    /** A builder with one sample type and locations of the given ids, each with one line of function 1. */
    private static ProfileBuilder withLocations(long... ids) {
        ProfileBuilder b = ProfileBuilder.withEmptyString();
        b.addSampleType(b.intern("space"), b.intern("bytes"));
        b.addFunction(1, b.intern("f"), 0, 0, 0);
        for (long id : ids) {
            b.beginLocation(id, 0, 0, false);
            b.addLine(1, 1);
        }
        return b;
    }

    private static void sample(ProfileBuilder b, long value, long... stack) {
        b.beginSample();
        for (long id : stack) {
            b.addStackLocationId(id);
        }
        b.addValue(value);
    }

    @Test
    void largeLocationIdsResolveLikeSmallOnes() {
        ProfileBuilder b = withLocations(1L << 40, -1L, 3, 1L << 30);
        sample(b, 1, 3, 1L << 40, -1L);
        sample(b, 2, 1L << 30, -1L);
        Profile p = b.build();
        assertStack(p, 0, 2, 0, 1);
        assertStack(p, 1, 3, 1);
    }

    /** Sample s's stack is these location indexes, leaf first. */
    private static void assertStack(Profile p, int s, int... locations) {
        int[] stack = p.stackBuffer();
        assertArrayEquals(locations, java.util.Arrays.copyOf(stack, p.stack(s, stack)), "sample " + s);
    }

    @Test
    void idsOneToNResolveToTheirLocationsAndOnePastIsUnknown() {
        ProfileBuilder b = withLocations(1, 2, 3);
        sample(b, 1, 3, 1, 2);
        sample(b, 2, 1, 2);
        Profile p = b.build();
        assertStack(p, 0, 2, 0, 1);
        assertStack(p, 1, 0, 1);
        assertEquals(0, p.stacks.location(p.stackLeaf(1)));
        ProfileBuilder past = withLocations(1, 2, 3);
        sample(past, 1, 3, 1);
        sample(past, 1, 4, 1);
        InputException e = assertThrows(InputException.class, past::build);
        assertEquals("malformed profile: sample 2 refers to unknown location id 4", e.getMessage());
    }

    @Test
    void anUnknownIdIsNamedForTheFirstSampleThatUsesIt() {
        ProfileBuilder b = withLocations(1, 2);
        sample(b, 1, 1, 2);
        sample(b, 1, 1, 1L << 35, 7);
        sample(b, 1, 7);
        InputException e = assertThrows(InputException.class, b::build);
        assertEquals("malformed profile: sample 2 refers to unknown location id " + (1L << 35), e.getMessage());
    }

    @Test
    void aWrongValueCountIsNamedForItsSample() {
        ProfileBuilder first = withLocations(1);
        first.beginSample();
        sample(first, 1, 1);
        assertEquals("malformed profile: sample 1 has 0 values but the profile has 1 sample types",
                assertThrows(InputException.class, first::build).getMessage());
        ProfileBuilder later = withLocations(1);
        sample(later, 1, 1);
        sample(later, 1, 1);
        sample(later, 1, 1);
        later.addValue(2);
        sample(later, 1);
        assertEquals("malformed profile: sample 3 has 2 values but the profile has 1 sample types",
                assertThrows(InputException.class, later::build).getMessage());
    }
}
