package org.deepsplines.mri.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The inputs of a reconstruction network, checked: the zero-filled image {@code (N, 2, H, W)}, the measured
 * k-space {@code (N, 2, H, W)} (zero off the mask) and the 0/1 mask {@code (N, 1, H, W)}, {@code (1, 1, H, W)}
 * or {@code (H, W)}. All three are normalised by the same scale (see {@link MriNormalization}).
 *
 * @param zeroFilled {@code F^H y}
 * @param kspace {@code y}
 * @param mask {@code M}
 */
public record MriInputs(NDArray zeroFilled, NDArray kspace, NDArray mask) {

    /** Wraps the three arrays in the order networks expect. */
    public NDList toList() {
        return new NDList(zeroFilled, kspace, mask);
    }

    /**
     * Splits and checks a network's input list.
     *
     * @throws IllegalArgumentException naming what is wrong (count, shapes, sizes)
     */
    public static MriInputs of(NDList inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("a reconstruction network takes 3 inputs (zero-filled image, measured"
                    + " k-space, mask), got " + inputs.size());
        }
        NDArray zf = inputs.get(0);
        NDArray k = inputs.get(1);
        NDArray m = inputs.get(2);
        Shape s = requireComplexBatch(zf, "zero-filled image");
        if (!k.getShape().equals(s)) {
            throw new IllegalArgumentException("the measured k-space has shape " + k.getShape()
                    + " but the zero-filled image has " + s + "; both must be (N, 2, H, W) of the same size");
        }
        Shape ms = m.getShape();
        long h = s.get(2);
        long w = s.get(3);
        boolean plain = ms.dimension() == 2 && ms.get(0) == h && ms.get(1) == w;
        boolean batched = ms.dimension() == 4 && (ms.get(0) == s.get(0) || ms.get(0) == 1) && ms.get(1) == 1
                && ms.get(2) == h && ms.get(3) == w;
        if (!plain && !batched) {
            throw new IllegalArgumentException("the mask has shape " + ms + " but the data are " + w + "x" + h
                    + " (shape " + s + "); give an (H, W) mask or one (1, H, W) mask per batch item");
        }
        return new MriInputs(zf, k, m);
    }

    /** Checks {@code (N, 2, H, W)} and returns the shape. */
    static Shape requireComplexBatch(NDArray a, String what) {
        Shape s = a.getShape();
        if (s.dimension() != 4 || s.get(1) != 2) {
            throw new IllegalArgumentException("the " + what + " must have shape (N, 2, H, W) with real and imaginary"
                    + " channels, got " + s);
        }
        return s;
    }
}
