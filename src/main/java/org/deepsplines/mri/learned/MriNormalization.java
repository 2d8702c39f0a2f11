package org.deepsplines.mri.learned;

import org.deepsplines.mri.ComplexImage;

/**
 * Intensity normalisation of learned reconstructions. The scale is the largest magnitude of the zero-filled
 * image, {@code s = max |F^H y|}, which is known at inference (the ground truth is not). The network sees
 * {@code F^H y / s} and {@code y / s} (the operators are linear, so data consistency holds at any scale),
 * is trained to output {@code x / s}, and its output is multiplied by {@code s}. Zero-filled images of
 * undersampled data lose some energy, so normalised targets peak slightly above 1.
 */
public final class MriNormalization {
    private MriNormalization() {
    }

    /**
     * The scale of a zero-filled image.
     *
     * @throws IllegalArgumentException if the image is zero everywhere (nothing was measured)
     */
    public static double scale(ComplexImage zeroFilled) {
        double s = zeroFilled.maxAbs();
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("the zero-filled image is " + (s > 0 ? "not finite" : "zero everywhere")
                    + ": the measured k-space carries no signal to reconstruct from");
        }
        return s;
    }
}
