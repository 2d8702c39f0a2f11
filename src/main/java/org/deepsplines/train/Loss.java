package org.deepsplines.train;

import ai.djl.ndarray.NDArray;

/** The data term of the training loss. */
@FunctionalInterface
public interface Loss {
    NDArray compute(NDArray prediction, NDArray target);

    /** Mean squared error over all elements. */
    Loss MSE = (p, t) -> p.sub(t).square().mean();
}
