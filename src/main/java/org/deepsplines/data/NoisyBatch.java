package org.deepsplines.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Clean patches, their noisy versions and the noise level used for each sample.
 *
 * @param clean the clean batch (not copied)
 * @param noisy the noisy values, same layout as {@code clean.data()}
 * @param sigmas the σ used for each sample, in the units of the data (normalised units when the
 *        patches are normalised)
 */
public record NoisyBatch(PatchBatch clean, float[] noisy, float[] sigmas) {

    /** Checks the lengths. */
    public NoisyBatch {
        if (noisy.length != clean.data().length || sigmas.length != clean.count()) {
            throw new IllegalArgumentException("Noisy data or σ list does not match the clean batch");
        }
    }

    /** The noisy batch as a float32 tensor with the clean batch's shape. */
    public NDArray noisyNDArray(NDManager manager) {
        return manager.create(noisy, new Shape(clean.shape()));
    }

    /** The clean batch as a float32 tensor. */
    public NDArray cleanNDArray(NDManager manager) {
        return clean.toNDArray(manager);
    }
}
