package org.deepsplines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One training batch: the network inputs and the target it should produce. Most networks take one input
 * array; some take several (an MRI reconstruction network takes the zero-filled image, the measured
 * k-space and the sampling mask), passed to the block's forward in this order.
 *
 * @param inputs network inputs, at least one
 * @param target desired output
 */
public record Batch(NDList inputs, NDArray target) {

    /** Checks that there is an input. */
    public Batch {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one input array");
        }
    }

    /** A batch with a single input array. */
    public Batch(NDArray input, NDArray target) {
        this(new NDList(input), target);
    }

    /** The first (for most networks the only) input. */
    public NDArray input() {
        return inputs.get(0);
    }
}
