package dev.leakscope.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.leakscope.util.IntBlocks;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StackTreeTest {
    @Test
    void stacksComeBackAsAdded() {
        Random r = new Random(7);
        int[][] stacks = new int[2000][];
        StackTree.Builder b = new StackTree.Builder();
        int[] leaves = new int[stacks.length];
        for (int s = 0; s < stacks.length; s++) {
            // leaf first; a few roots and small fan-out, so that stacks share prefixes, branch often and repeat
            int depth = r.nextInt(12);
            stacks[s] = new int[depth];
            for (int i = depth - 1; i >= 0; i--) {
                stacks[s][i] = r.nextInt(i == depth - 1 ? 3 : 4);
            }
            leaves[s] = b.add(stacks[s], 0, depth);
        }
        StackTree t = b.build();
        int[] buf = new int[t.maxDepth()];
        for (int s = 0; s < stacks.length; s++) {
            int d = t.stack(leaves[s], buf);
            assertArrayEquals(stacks[s], Arrays.copyOf(buf, d), "sample " + s);
            // the parent pointers walk the same path
            int i = 0;
            for (int n = leaves[s]; n >= 0; n = t.parent(n)) {
                assertEquals(stacks[s][i++], t.location(n));
            }
            assertEquals(d, i);
        }
        // the stacks of the locations kept: every other one
        boolean[] keep = {true, false, true, false};
        for (int s = 0; s < stacks.length; s++) {
            int[] kept = Arrays.stream(stacks[s]).filter(l -> keep[l]).toArray();
            assertArrayEquals(kept, Arrays.copyOf(buf, t.stack(leaves[s], buf, keep)), "sample " + s + " kept");
        }
        for (int s = 0; s < stacks.length; s++) {
            for (int o = 0; o < s; o++) {
                if (!Arrays.equals(stacks[s], stacks[o])) {
                    assertNotEquals(leaves[o], leaves[s]);
                }
            }
        }
    }

    @Test
    void addOnceCountsEachKeyOncePerStackAndHandsBackTheOthers() {
        Random r = new Random(11);
        StackTree.Builder b = new StackTree.Builder();
        int[][] stacks = new int[500][];
        int[] leaves = new int[stacks.length];
        for (int s = 0; s < stacks.length; s++) {
            // locations 0..5, repeated within a stack (recursion) as often as not
            stacks[s] = r.ints(1 + r.nextInt(10), 0, 6).toArray();
            leaves[s] = b.add(stacks[s], 0, stacks[s].length);
        }
        StackTree t = b.build();
        // locations 0 and 1 share key 0, 2 and 3 have keys 1 and 2; 4 and 5 have none
        int[] keys = {0, 0, 1, 2, -1, -1};
        int[] stamps = {-1, -1, -1};
        long[] sums = new long[3];
        long[] expected = new long[3];
        int[] rest = new int[t.maxDepth()];
        for (int s = 0; s < stacks.length; s++) {
            int n = t.addOnce(leaves[s], keys, stamps, s, sums, s + 1, rest);
            assertArrayEquals(Arrays.stream(stacks[s]).filter(l -> keys[l] < 0).toArray(), Arrays.copyOf(rest, n),
                    "sample " + s + " rest");
            final int sample = s;
            Arrays.stream(stacks[s]).filter(l -> keys[l] >= 0).map(l -> keys[l]).distinct()
                    .forEach(k -> expected[k] += sample + 1);
            assertArrayEquals(expected, sums, "sample " + s);
        }
    }

    @Test
    void sharedPathsAreOneNode() {
        StackTree.Builder b = new StackTree.Builder();
        int a = b.add(new int[] {1, 2, 3}, 0, 3);
        int branch = b.add(new int[] {4, 2, 3}, 0, 3);
        int deeper = b.add(new int[] {5, 1, 2, 3}, 0, 4);
        assertEquals(a, b.add(new int[] {1, 2, 3}, 0, 3));
        assertEquals(branch, b.add(new int[] {4, 2, 3}, 0, 3));
        assertEquals(deeper, b.add(new int[] {5, 1, 2, 3}, 0, 4));
        StackTree t = b.build();
        assertEquals(t.parent(a), t.parent(branch));
        assertEquals(a, t.parent(deeper));
    }

    @Test
    void fewerLookupsShareLessOfTheTreeButKeepEveryStack() {
        StackTree.Builder b = new StackTree.Builder();
        b.add(new int[] {1, 2, 3}, 0, 3);
        b.add(new int[] {4, 2, 3}, 0, 3);
        b.add(new int[] {7}, 0, 1); // so that 5 cannot go on branch 4's chain
        // root 3 and branch 4 are two lookups; 5 needs a third
        int[] third = {5, 4, 2, 3};
        int once = b.add(third, 0, 4, 2);
        int again = b.add(third, 0, 4, 2);
        assertNotEquals(once, again);
        int shared = b.add(third, 0, 4, 3);
        assertEquals(shared, b.add(third, 0, 4, 3));
        StackTree t = b.build();
        int[] stack = new int[4];
        for (int leaf : new int[] {once, again, shared}) {
            assertEquals(4, t.stack(leaf, stack));
            assertArrayEquals(third, stack);
        }
        assertEquals(t.parent(once), t.parent(again));
    }

    @Test
    void stacksAddedAgainAfterTheTableGrewAreFound() {
        // 20000 chains (each stack's second lookup fails once): the table and its hash bits grow several times
        StackTree.Builder b = new StackTree.Builder();
        int count = 20000;
        int[] leaves = new int[count];
        for (int s = 0; s < count; s++) {
            leaves[s] = b.add(new int[] {s, 100000 + s % 7}, 0, 2);
        }
        for (int s = 0; s < count; s++) {
            assertEquals(leaves[s], b.add(new int[] {s, 100000 + s % 7}, 0, 2), "stack " + s);
        }
    }

    @Test
    void anEmptyStackIsLeafMinusOneAndASliceIsAStack() {
        StackTree.Builder b = new StackTree.Builder();
        assertEquals(-1, b.add(new int[] {5, 6}, 1, 1));
        int leaf = b.add(new int[] {9, 5, 6, 7}, 1, 3);
        StackTree t = b.build();
        int[] buf = new int[t.maxDepth()];
        assertEquals(2, t.stack(leaf, buf));
        assertArrayEquals(new int[] {5, 6}, buf);
        assertEquals(0, t.stack(-1, buf));
        assertEquals(-1, t.parent(t.parent(leaf)));
    }

    @Test
    void aShiftedTreeGivesKeysLessTheShift() {
        StackTree.Builder b = new StackTree.Builder();
        int leaf = b.add(new int[] {3, 1, 2}, 0, 3);
        int other = b.add(new int[] {7, 1, 2}, 0, 3);
        assertEquals(7, b.maxKey());
        StackTree t = b.build(1);
        int[] buf = new int[t.maxDepth()];
        assertEquals(3, t.stack(leaf, buf));
        assertArrayEquals(new int[] {2, 0, 1}, buf);
        assertEquals(6, t.location(other));
        assertEquals(0, t.location(t.parent(other)));
    }

    @Test
    void stacksAcrossBlocksComeBackAsAdded() {
        // long stacks that share nothing, so that chains run over the ends of the entries' blocks
        StackTree.Builder b = new StackTree.Builder();
        int depth = 1000;
        int count = 3 * IntBlocks.SIZE / depth;
        int[] leaves = new int[count];
        int[] stack = new int[depth];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < depth; i++) {
                stack[i] = s * depth + i;
            }
            leaves[s] = b.add(stack, 0, depth);
        }
        StackTree t = b.build();
        int[] buf = new int[t.maxDepth()];
        for (int s = 0; s < count; s++) {
            assertEquals(depth, t.stack(leaves[s], buf));
            for (int i = 0; i < depth; i++) {
                assertEquals(s * depth + i, buf[i], "sample " + s + " frame " + i);
            }
        }
    }
}
