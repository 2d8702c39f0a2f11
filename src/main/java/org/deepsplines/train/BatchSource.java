package org.deepsplines.train;

import ai.djl.ndarray.NDManager;

/**
 * Produces the batch of a given step. Batches depend only on the step index (and the source's own
 * seed), so a run resumed from a checkpoint sees exactly the batches the uninterrupted run would.
 */
@FunctionalInterface
public interface BatchSource {
    Batch batch(long step, NDManager manager);
}
