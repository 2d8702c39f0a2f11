package org.deepsplines.data;

import java.util.SplittableRandom;

/**
 * Additive white Gaussian noise for training denoisers. σ is either fixed or drawn per sample,
 * uniformly from {@code [σmin, σmax]} (a "blind" model that must cope with any level in the range).
 * σ is in the units of the data: for 8-bit images normalised to [0, 1] pass σ/255
 * ({@link Normalization#sigma255ToUnit(double)}).
 *
 * <p>The generator is seeded: two instances with the same seed, fed the same batches in the same
 * order, produce identical noise.
 */
public final class GaussianNoise {

    private final double sigmaMin;
    private final double sigmaMax;
    private final SplittableRandom random;

    /**
     * @param sigmaMin smallest σ (≥ 0)
     * @param sigmaMax largest σ (≥ sigmaMin); equal to sigmaMin for a fixed level
     * @param seed random seed
     */
    public GaussianNoise(double sigmaMin, double sigmaMax, long seed) {
        if (!(sigmaMin >= 0) || !(sigmaMax >= sigmaMin) || Double.isInfinite(sigmaMax)) {
            throw new IllegalArgumentException("Noise σ range must satisfy 0 ≤ σmin ≤ σmax, got [" + sigmaMin + ", "
                    + sigmaMax + "]");
        }
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
        this.random = new SplittableRandom(seed);
    }

    /** Noise with one fixed σ. */
    public static GaussianNoise fixed(double sigma, long seed) {
        return new GaussianNoise(sigma, sigma, seed);
    }

    /** True when σ is drawn from a range. */
    public boolean isBlind() {
        return sigmaMax > sigmaMin;
    }

    /** Smallest σ. */
    public double sigmaMin() {
        return sigmaMin;
    }

    /** Largest σ. */
    public double sigmaMax() {
        return sigmaMax;
    }

    /** Adds noise to every patch of {@code clean} (which is not changed). */
    public NoisyBatch apply(PatchBatch clean) {
        float[] sigmas = new float[clean.count()];
        float[] noisy = addNoise(clean.data(), clean.count(), sigmas);
        return new NoisyBatch(clean, noisy, sigmas);
    }

    /**
     * Returns a noisy copy of {@code clean}, seen as {@code samples} equal-length samples, and writes the
     * σ drawn for each sample into {@code sigmasOut} (length {@code samples}).
     */
    public float[] addNoise(float[] clean, int samples, float[] sigmasOut) {
        if (samples < 1 || clean.length % samples != 0) {
            throw new IllegalArgumentException(clean.length + " values cannot be split into " + samples + " samples");
        }
        if (sigmasOut.length != samples) {
            throw new IllegalArgumentException("Need room for " + samples + " σ values, got " + sigmasOut.length);
        }
        int per = clean.length / samples;
        float[] out = new float[clean.length];
        for (int s = 0; s < samples; s++) {
            double sigma = isBlind() ? sigmaMin + (sigmaMax - sigmaMin) * random.nextDouble() : sigmaMin;
            sigmasOut[s] = (float) sigma;
            int base = s * per;
            for (int i = 0; i < per; i++) {
                out[base + i] = (float) (clean[base + i] + sigma * random.nextGaussian());
            }
        }
        return out;
    }
}
