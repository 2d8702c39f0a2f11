package org.deepsplines.train.metrics;

/**
 * Peak signal-to-noise ratio, {@code 10·log10(L² / MSE)} in dB, where L is the data range (255 for
 * 8-bit data, 1 for data normalised to [0, 1]) and MSE the mean squared difference. Sums are in double.
 */
public final class Psnr {

    private Psnr() {
    }

    /**
     * PSNR of {@code test} against {@code ref}.
     *
     * @param dataRange L, the peak value range (&gt; 0)
     * @return PSNR in dB; {@link Double#POSITIVE_INFINITY} when the arrays are equal
     * @throws IllegalArgumentException for arrays of different or zero length, or a range ≤ 0
     */
    public static double compute(float[] ref, float[] test, double dataRange) {
        return fromMse(mse(ref, test), dataRange);
    }

    /** Mean squared difference of two equally long arrays. */
    public static double mse(float[] ref, float[] test) {
        if (ref.length != test.length) {
            throw new IllegalArgumentException("PSNR needs arrays of equal length, got " + ref.length + " and "
                    + test.length);
        }
        if (ref.length == 0) {
            throw new IllegalArgumentException("PSNR of empty arrays is undefined");
        }
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            double e = (double) ref[i] - test[i];
            sum += e * e;
        }
        return sum / ref.length;
    }

    /** PSNR from a mean squared error: {@code 10·log10(L² / mse)}, infinite for mse = 0. */
    public static double fromMse(double mse, double dataRange) {
        if (!(dataRange > 0)) {
            throw new IllegalArgumentException("PSNR data range must be positive, got " + dataRange);
        }
        if (mse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(dataRange * dataRange / mse);
    }
}
