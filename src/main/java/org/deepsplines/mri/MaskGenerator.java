package org.deepsplines.mri;

/**
 * Makes sampling masks of a given k-space size. Implementations are immutable and deterministic:
 * the same size and seed always give the same mask, so training pipelines can draw a fresh mask per
 * example by varying the seed.
 */
public interface MaskGenerator {

    /** A mask for a {@code width x height} k-space drawn with {@code seed}. */
    SamplingMask generate(int width, int height, long seed);

    /** The acceleration the generator aims at; the mask reports the exact one it reached. */
    double targetAcceleration();

    /**
     * The default fully sampled central fraction for an acceleration: {@code 0.32 / R}, which gives the
     * common choices of 8% of the lines at 4x and 4% at 8x.
     */
    static double defaultCenterFraction(double acceleration) {
        requireAcceleration(acceleration);
        return 0.32 / acceleration;
    }

    /** Rejects accelerations that are not finite numbers above 1. */
    static void requireAcceleration(double acceleration) {
        if (!(acceleration > 1) || Double.isInfinite(acceleration)) {
            throw new IllegalArgumentException("acceleration must be a finite number greater than 1 (got "
                    + acceleration + "); 1 would mean fully sampled k-space");
        }
    }

    /** Rejects centre fractions outside [0, 1). */
    static void requireCenterFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("centre fraction must be in [0, 1), got " + fraction);
        }
    }
}
