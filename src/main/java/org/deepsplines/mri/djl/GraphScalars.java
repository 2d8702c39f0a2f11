package org.deepsplines.mri.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Constant scalars for use inside autograd graphs. DJL's {@code mul(Number)} wraps the number in an array
 * backed by Java memory and frees it right after the operation, while PyTorch keeps that array for the
 * backward pass (random gradients). A scalar the engine allocates itself, attached to the manager of the
 * array it multiplies, lives as long as the rest of that graph's data.
 */
final class GraphScalars {
    private GraphScalars() {
    }

    /** An engine-owned 0-d array holding {@code value}, with the data type, device and manager of {@code like}. */
    static NDArray like(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }

    /** {@code x * value} through an engine-owned scalar (safe to differentiate). */
    static NDArray scale(NDArray x, double value) {
        return x.mul(like(x, value));
    }
}
