package org.deepsplines.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of single-channel patches in one flat array, order {@code (N, 1, P, P)} for 2D or
 * {@code (N, 1, P, P, P)} for 3D (last axis fastest).
 *
 * @param data {@code count * P^dims} values
 * @param count N, the number of patches
 * @param patchSize P, the side of each (square or cubic) patch
 * @param spatialDims 2 or 3
 */
public record PatchBatch(float[] data, int count, int patchSize, int spatialDims) {

    /** Checks the array length. */
    public PatchBatch {
        if (spatialDims != 2 && spatialDims != 3) {
            throw new IllegalArgumentException("Patches are 2D or 3D, not " + spatialDims + "D");
        }
        long per = (long) patchSize * patchSize * (spatialDims == 3 ? patchSize : 1);
        if (per * count != data.length) {
            throw new IllegalArgumentException(data.length + " values do not make " + count + " patches of "
                    + patchSize + "^" + spatialDims);
        }
    }

    /** Values per patch, {@code P^dims}. */
    public int patchLength() {
        return count == 0 ? 0 : data.length / count;
    }

    /** The tensor shape {@code (N, 1, P, P)} or {@code (N, 1, P, P, P)}. */
    public long[] shape() {
        return spatialDims == 2 ? new long[] {count, 1, patchSize, patchSize}
                : new long[] {count, 1, patchSize, patchSize, patchSize};
    }

    /** The batch as a float32 tensor of {@link #shape()} on {@code manager} (the caller closes it). */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(data, new Shape(shape()));
    }

    /** A new batch holding copies of the patches at {@code indices}, in that order. */
    public PatchBatch subset(java.util.List<Integer> indices) {
        int per = patchLength();
        float[] out = new float[indices.size() * per];
        for (int k = 0; k < indices.size(); k++) {
            int i = indices.get(k);
            if (i < 0 || i >= count) {
                throw new IllegalArgumentException("Patch index " + i + " is outside 0.." + (count - 1));
            }
            System.arraycopy(data, i * per, out, k * per, per);
        }
        return new PatchBatch(out, indices.size(), patchSize, spatialDims);
    }

    /** A copy of patch {@code i}. */
    public float[] patch(int i) {
        int per = patchLength();
        float[] p = new float[per];
        System.arraycopy(data, i * per, p, 0, per);
        return p;
    }
}
