package org.deepsplines.mri;

/**
 * The single-coil MRI measurement operator {@code A = M F}: the centred orthonormal FFT
 * ({@link CenteredFft2}) followed by the sampling mask {@code M}. Its adjoint {@code A^H = F^H M} is
 * the zero-filled reconstruction. Unsampled k-space entries are represented by zeros.
 */
public final class UndersampledFourier {
    private final SamplingMask mask;

    /**
     * @throws IllegalArgumentException if the mask samples nothing
     */
    public UndersampledFourier(SamplingMask mask) {
        mask.requireNonEmpty();
        this.mask = mask;
    }

    /** The sampling mask M. */
    public SamplingMask mask() {
        return mask;
    }

    /** {@code M F x}: the k-space of {@code image} with unsampled entries zeroed. */
    public ComplexImage forward(ComplexImage image) {
        mask.requireMatches(image);
        ComplexImage k = CenteredFft2.forward(image);
        return mask.apply(k);
    }

    /**
     * {@code F^H M y}: the zero-filled image of measured k-space (entries outside the mask are ignored).
     *
     * @throws IllegalArgumentException if the sizes differ or the k-space holds NaN/infinite samples
     */
    public ComplexImage adjoint(ComplexImage kspace) {
        requireCompatible(kspace);
        ComplexImage x = mask.apply(kspace);
        CenteredFft2.inverseInPlace(x);
        return x;
    }

    /** Checks that {@code kspace} matches the mask in size and holds finite sampled values. */
    public void requireCompatible(ComplexImage kspace) {
        mask.requireMatches(kspace);
        double[] re = kspace.re();
        double[] im = kspace.im();
        for (int k = 0; k < re.length; k++) {
            if (mask.isSampled(k) && !(Double.isFinite(re[k]) && Double.isFinite(im[k]))) {
                throw new IllegalArgumentException("the k-space holds a NaN or infinite value (" + re[k] + ", "
                        + im[k] + ") at sampled position x=" + (k % kspace.width()) + ", y=" + (k / kspace.width())
                        + "; fix the data or exclude that point from the mask");
            }
        }
    }
}
