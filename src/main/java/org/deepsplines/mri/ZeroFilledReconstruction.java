package org.deepsplines.mri;

/**
 * The zero-filled reconstruction {@code F^-1 (M y)}: unmeasured k-space is taken as zero. It is the
 * usual baseline, and the input of learned reconstructions.
 */
public final class ZeroFilledReconstruction {
    private ZeroFilledReconstruction() {
    }

    /**
     * Complex zero-filled image.
     *
     * @throws IllegalArgumentException if the mask is empty or of another size, or the k-space holds NaN
     */
    public static ComplexImage complex(ComplexImage kspace, SamplingMask mask) {
        return new UndersampledFourier(mask).adjoint(kspace);
    }

    /** Magnitude of the zero-filled image, row-major. */
    public static double[] magnitude(ComplexImage kspace, SamplingMask mask) {
        return complex(kspace, mask).magnitude();
    }
}
