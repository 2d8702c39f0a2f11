package org.deepsplines.mri.learned;

import org.deepsplines.mri.ComplexImage;

/**
 * One ground-truth slice for training or evaluation: a complex image (magnitude images have a zero
 * imaginary part) and a name for logs and model descriptions.
 *
 * @param name where it came from, e.g. {@code colin27.nii.gz z=64} or a file name
 * @param image the fully sampled image
 */
public record MriSlice(String name, ComplexImage image) {

    /** Fraction of pixels whose magnitude exceeds {@code threshold}. */
    public double fractionAbove(double threshold) {
        double[] m = image.magnitude();
        int n = 0;
        for (double v : m) {
            if (v > threshold) {
                n++;
            }
        }
        return (double) n / m.length;
    }

    /** {@code width x height}, for grouping slices of the same size into batches. */
    public String sizeKey() {
        return image.width() + "x" + image.height();
    }
}
