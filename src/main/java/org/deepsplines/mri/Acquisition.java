package org.deepsplines.mri;

/**
 * One simulated single-coil acquisition: the ground-truth image, the mask, the measured k-space
 * ({@code M (F x + n)}, zeros off the mask) and the noise level used.
 *
 * @param image ground truth (complex; a magnitude image has a zero imaginary part)
 * @param mask sampling mask
 * @param kspace measured k-space, zero where not sampled
 * @param noiseSigma noise standard deviation per real/imaginary component (0 when noiseless)
 */
public record Acquisition(ComplexImage image, SamplingMask mask, ComplexImage kspace, double noiseSigma) {

    /**
     * Simulates {@code y = M (F x + n)}.
     *
     * @param noiseSigma per-component sigma of the complex Gaussian k-space noise ({@code >= 0})
     * @param noiseSeed seed of the noise
     */
    public static Acquisition simulate(ComplexImage image, SamplingMask mask, double noiseSigma, long noiseSeed) {
        image.requireFinite("input image");
        mask.requireMatches(image);
        mask.requireNonEmpty();
        ComplexImage full = CenteredFft2.forward(image);
        ComplexImage noisy = KSpaceNoise.add(full, mask, noiseSigma, noiseSeed);
        return new Acquisition(image, mask, mask.apply(noisy), noiseSigma);
    }

    /** The zero-filled complex image {@code F^H y}. */
    public ComplexImage zeroFilled() {
        return ZeroFilledReconstruction.complex(kspace, mask);
    }
}
