package org.deepsplines.mri;

/**
 * Image-quality figures for reconstructions, on magnitude images.
 *
 * <p>PSNR uses the reference's maximum as the peak: {@code 10 log10(max(ref)^2 / MSE)}, the usual choice for
 * MR magnitude images whose intensity scale is arbitrary.
 */
public final class ReconstructionMetrics {
    private ReconstructionMetrics() {
    }

    /** PSNR in dB with the reference maximum as the peak. */
    public static double psnr(double[] reference, double[] test) {
        double peak = 0;
        for (double v : reference) {
            peak = Math.max(peak, v);
        }
        return psnr(reference, test, peak);
    }

    /** PSNR in dB for a given peak value; infinite for identical images. */
    public static double psnr(double[] reference, double[] test, double peak) {
        double mse = mse(reference, test);
        if (!(peak > 0)) {
            throw new IllegalArgumentException("PSNR needs a positive peak value, got " + peak);
        }
        return 10 * Math.log10(peak * peak / mse);
    }

    /** Mean squared error. */
    public static double mse(double[] reference, double[] test) {
        if (reference.length != test.length || reference.length == 0) {
            throw new IllegalArgumentException("images differ in size: " + reference.length + " vs " + test.length
                    + " values");
        }
        double s = 0;
        for (int k = 0; k < reference.length; k++) {
            double d = reference[k] - test[k];
            s += d * d;
        }
        return s / reference.length;
    }

    /** Normalised RMSE {@code ||test - ref|| / ||ref||}. */
    public static double nrmse(double[] reference, double[] test) {
        double ref = 0;
        for (double v : reference) {
            ref += v * v;
        }
        return Math.sqrt(mse(reference, test) * reference.length / ref);
    }

    /** Pearson correlation coefficient. */
    public static double correlation(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("need two series of the same length >= 2");
        }
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < a.length; k++) {
            ma += a[k];
            mb += b[k];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < a.length; k++) {
            double da = a[k] - ma;
            double db = b[k] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
