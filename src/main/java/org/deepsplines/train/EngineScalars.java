package org.deepsplines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for use inside an autograd graph. DJL's {@code mul(Number)} / {@code div(Number)} wrap the
 * number in an array backed by Java memory and close it right after the op, but PyTorch keeps that
 * array for the backward pass, which then reads released memory (random NaN gradients). Arrays created
 * by the engine itself own their memory and are safe.
 */
public final class EngineScalars {
    private EngineScalars() {}

    /** A float32 0-d array in engine-owned memory, attached to {@code manager}. */
    public static NDArray of(NDManager manager, float value) {
        return manager.full(new Shape(), value, DataType.FLOAT32);
    }
}
