package org.deepsplines.train;

import ai.djl.ndarray.NDArray;

/** One training batch: network input and the target it should produce. */
public record Batch(NDArray input, NDArray target) {}
