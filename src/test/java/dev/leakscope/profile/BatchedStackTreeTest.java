package dev.leakscope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakscope.util.BusyCores;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchedStackTreeTest {
    @Test
    void stacksOverManyBatchesMakeTheTreeOfOneBuilder() {
        buildsTheTreeOfOneBuilder(() -> { });
    }

    @Test
    void withNoCoreSpareTheCallerBuildsTheSameTree() throws Exception {
        try (BusyCores busy = new BusyCores()) {
            buildsTheTreeOfOneBuilder(() -> { });
        }
    }

    @Test
    void aCoreThatFreesUpMidwayTakesOverTheRestOfTheSameTree() throws Exception {
        BusyCores busy = new BusyCores();
        buildsTheTreeOfOneBuilder(() -> {
            try {
                busy.close();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Adds stacks over many batches, running halfway at the middle one. */
    private static void buildsTheTreeOfOneBuilder(Runnable halfway) {
        Random r = new Random(3);
        BatchedStackTree batched = new BatchedStackTree();
        StackTree.Builder plain = new StackTree.Builder();
        int[] leaves = new int[40000];
        for (int s = 0; s < leaves.length; s++) {
            if (s == leaves.length / 2) {
                halfway.run();
            }
            // mostly short stacks over several batches; one longer than a batch, and some empty
            int depth = s == 20000 ? BatchedStackTree.BATCH + 10 : r.nextInt(16);
            int[] stack = r.ints(depth, 0, 50).toArray();
            batched.add(stack, depth);
            leaves[s] = plain.add(stack, 0, depth);
        }
        batched.finish();
        assertEquals(leaves.length, batched.leaves().size());
        for (int s = 0; s < leaves.length; s++) {
            assertEquals(leaves[s], batched.leaves().get(s), "stack " + s);
        }
        assertEquals(plain.maxKey(), batched.tree().maxKey());
        assertEquals(plain.build().maxDepth(), batched.tree().build().maxDepth());
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
