package dev.leakscope.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.util.BusyCores;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchedStackTreeTest {
    @Test
    void stacksOverManyBatchesMakeTheTreeOfOneBuilder() {
        buildsTheStacks(() -> { }, true);
    }

    @Test
    void withNoCoreSpareTheCallerBuildsTheSameStacks() throws Exception {
        // with fewer lookups (StackTree.Builder.LOOKUPS_INLINE): some paths shared less, other nodes
        try (BusyCores busy = new BusyCores()) {
            buildsTheStacks(() -> { }, false);
        }
    }

    @Test
    void aCoreThatFreesUpMidwayTakesOverTheRestOfTheSameStacks() throws Exception {
        BusyCores busy = new BusyCores();
        buildsTheStacks(() -> {
            try {
                busy.close();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, false);
    }

    /**
     * Adds stacks over many batches (running halfway at the middle one); each leaf leads back to its
     * stack, and when sameNodes to the node one builder makes of it.
     */
    private static void buildsTheStacks(Runnable halfway, boolean sameNodes) {
        Random r = new Random(3);
        BatchedStackTree batched = new BatchedStackTree();
        StackTree.Builder plain = new StackTree.Builder();
        int[][] stacks = new int[40000][];
        int[] leaves = new int[stacks.length];
        for (int s = 0; s < stacks.length; s++) {
            if (s == stacks.length / 2) {
                halfway.run();
            }
            // mostly short stacks over several batches; one longer than a batch, and some empty
            int depth = s == 20000 ? BatchedStackTree.BATCH + 10 : r.nextInt(16);
            stacks[s] = r.ints(depth, 0, 50).toArray();
            batched.add(stacks[s], depth);
            leaves[s] = plain.add(stacks[s], 0, depth);
        }
        batched.finish();
        assertEquals(stacks.length, batched.leaves().size());
        assertEquals(plain.maxKey(), batched.tree().maxKey());
        StackTree t = batched.tree().build();
        assertEquals(plain.build().maxDepth(), t.maxDepth());
        int[] buffer = new int[t.maxDepth()];
        for (int s = 0; s < stacks.length; s++) {
            int leaf = batched.leaves().get(s);
            int depth = leaf < 0 ? 0 : t.stack(leaf, buffer);
            assertArrayEquals(stacks[s], Arrays.copyOf(buffer, depth), "stack " + s);
            if (sameNodes) {
                assertEquals(leaves[s], leaf, "stack " + s);
            }
        }
    }

    @Test
    void stacksWithinOneBatchShareTheirPaths() {
        BatchedStackTree batched = new BatchedStackTree();
        batched.add(new int[] {3, 2, 1}, 3);
        batched.add(new int[] {4, 2, 1}, 3);
        batched.finish();
        StackTree t = batched.tree().build();
        assertEquals(t.parent(batched.leaves().get(0)), t.parent(batched.leaves().get(1)));
    }
}
