package org.deepsplines.mri;

import java.util.Random;

/**
 * Complex white Gaussian noise for simulated acquisitions: independent {@code N(0, sigma^2)} on the real
 * and on the imaginary part of every sampled k-space entry. Because {@link CenteredFft2} is orthonormal,
 * the same sigma describes the noise per real/imaginary component in the zero-filled image of a fully
 * sampled acquisition.
 *
 * <p>The noise value at a grid point depends only on the seed and the grid size, not on the mask, so two
 * masks drawn with the same noise seed see the same noise where they overlap.
 *
 * <p>SNR convention: {@code SNR_dB = 10 log10(mean_{sampled} |y|^2 / (2 sigma^2))}, the mean signal
 * power over the sampled entries against the complex noise power.
 */
public final class KSpaceNoise {
    private KSpaceNoise() {
    }

    /**
     * {@code kspace} plus noise on the entries that {@code mask} samples (all entries when the mask is null);
     * unsampled entries are copied unchanged.
     *
     * @param sigma standard deviation per real/imaginary component, {@code >= 0}
     */
    public static ComplexImage add(ComplexImage kspace, SamplingMask mask, double sigma, long seed) {
        requireSigma(sigma);
        if (mask != null) {
            mask.requireMatches(kspace);
        }
        ComplexImage out = kspace.copy();
        if (sigma == 0) {
            return out;
        }
        Random random = new Random(seed);
        double[] re = out.re();
        double[] im = out.im();
        for (int k = 0; k < re.length; k++) {
            double nr = random.nextGaussian() * sigma;
            double ni = random.nextGaussian() * sigma;
            if (mask == null || mask.isSampled(k)) {
                re[k] += nr;
                im[k] += ni;
            }
        }
        return out;
    }

    /** The sigma per component that gives {@code snrDb} on the sampled entries of {@code kspace}. */
    public static double sigmaForSnrDb(ComplexImage kspace, SamplingMask mask, double snrDb) {
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("SNR must be a finite number of dB, got " + snrDb);
        }
        double power = meanSampledPower(kspace, mask);
        return Math.sqrt(power / (2 * Math.pow(10, snrDb / 10)));
    }

    /** The SNR in dB that {@code sigma} gives on the sampled entries of {@code kspace}. */
    public static double snrDb(ComplexImage kspace, SamplingMask mask, double sigma) {
        requireSigma(sigma);
        return 10 * Math.log10(meanSampledPower(kspace, mask) / (2 * sigma * sigma));
    }

    private static double meanSampledPower(ComplexImage kspace, SamplingMask mask) {
        kspace.requireFinite("k-space");
        if (mask != null) {
            mask.requireMatches(kspace);
            mask.requireNonEmpty();
        }
        double sum = 0;
        int n = 0;
        for (int k = 0; k < kspace.size(); k++) {
            if (mask == null || mask.isSampled(k)) {
                double r = kspace.re()[k];
                double i = kspace.im()[k];
                sum += r * r + i * i;
                n++;
            }
        }
        if (sum == 0) {
            throw new IllegalArgumentException("the sampled k-space is all zero, so an SNR cannot define a noise level");
        }
        return sum / n;
    }

    private static void requireSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be a finite number >= 0, got " + sigma);
        }
    }
}
