package org.deepsplines.mri.learned;

import org.deepsplines.mri.Acquisition;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.ZeroFilledReconstruction;

/**
 * One network input, normalised (see {@link MriNormalization}): zero-filled image and measured k-space as
 * {@code (2, H, W)} float arrays (real plane, then imaginary plane), the 0/1 mask {@code (H, W)}, the scale
 * {@code s} that was divided out, and for simulated examples the normalised ground truth.
 *
 * @param width W
 * @param height H
 * @param zeroFilled {@code F^H y / s}, length {@code 2 W H}
 * @param kspace {@code y / s} (zero off the mask), length {@code 2 W H}
 * @param mask 1 where sampled, length {@code W H}
 * @param target {@code x / s} for simulated examples, else null
 * @param scale {@code s = max |F^H y|}
 */
public record MriExample(int width, int height, float[] zeroFilled, float[] kspace, float[] mask, float[] target,
        double scale) {

    /**
     * Simulates noiseless measurements {@code y = M F x} of a ground truth.
     *
     * @throws IllegalArgumentException if the mask does not fit the image or samples nothing
     */
    public static MriExample simulate(ComplexImage truth, SamplingMask mask) {
        Acquisition acq = Acquisition.simulate(truth, mask, 0, 0);
        MriExample ex = measured(acq.kspace(), mask);
        return new MriExample(ex.width, ex.height, ex.zeroFilled, ex.kspace, ex.mask,
                planes(truth, 1 / ex.scale), ex.scale);
    }

    /**
     * Wraps measured k-space. Unsampled entries are ignored (set to zero).
     *
     * @throws IllegalArgumentException if the mask and k-space differ in size, the mask samples nothing, or a
     *     sampled value is NaN/infinite
     */
    public static MriExample measured(ComplexImage kspace, SamplingMask mask) {
        mask.requireMatches(kspace);
        mask.requireNonEmpty();
        ComplexImage zf = ZeroFilledReconstruction.complex(kspace, mask);
        ComplexImage y = mask.apply(kspace);
        double s = MriNormalization.scale(zf);
        return new MriExample(kspace.width(), kspace.height(), planes(zf, 1 / s), planes(y, 1 / s), mask.toFloatArray(),
                null, s);
    }

    /** Number of pixels {@code W H}. */
    public int pixels() {
        return width * height;
    }

    /** Back from the network's {@code (2, H, W)} output to image units (times the scale). */
    public ComplexImage denormalize(float[] output) {
        int n = pixels();
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = output[i] * scale;
            im[i] = output[n + i] * scale;
        }
        return ComplexImage.wrap(width, height, re, im);
    }

    static float[] planes(ComplexImage z, double factor) {
        int n = z.size();
        float[] out = new float[2 * n];
        double[] re = z.re();
        double[] im = z.im();
        for (int i = 0; i < n; i++) {
            out[i] = (float) (re[i] * factor);
            out[n + i] = (float) (im[i] * factor);
        }
        return out;
    }
}
