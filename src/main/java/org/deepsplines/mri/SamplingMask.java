package org.deepsplines.mri;

/**
 * Which k-space samples were acquired: a boolean grid of the k-space size, row-major like
 * {@link ComplexImage}, in the centred layout of {@link CenteredFft2} (DC at {@code (floor(W/2), floor(H/2))}).
 *
 * <p>It reports its exact acceleration, {@code total / sampled}, which is what a reconstruction
 * actually faced; generators aim at a requested acceleration but can only sample whole lines or pixels.
 */
public final class SamplingMask {
    private final int width;
    private final int height;
    private final boolean[] sampled;
    private final int count;
    private final String description;

    private SamplingMask(int width, int height, boolean[] sampled, String description) {
        this.width = width;
        this.height = height;
        this.sampled = sampled;
        int c = 0;
        for (boolean s : sampled) {
            if (s) {
                c++;
            }
        }
        this.count = c;
        this.description = description;
    }

    /**
     * A mask from a row-major boolean grid (copied).
     *
     * @param description a short human-readable summary of how it was made
     */
    public static SamplingMask of(int width, int height, boolean[] sampled, String description) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        if (sampled.length != (long) width * height) {
            throw new IllegalArgumentException("mask grid must hold " + width + "x" + height + " values, got "
                    + sampled.length);
        }
        return new SamplingMask(width, height, sampled.clone(), description == null ? "custom mask" : description);
    }

    /** A mask from numeric values (for example a 0/255 mask image): nonzero means sampled. */
    public static SamplingMask fromValues(int width, int height, float[] values) {
        boolean[] s = new boolean[values.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = values[k] != 0 && !Float.isNaN(values[k]);
        }
        return of(width, height, s, "mask from image");
    }

    /** Every sample acquired (acceleration 1). */
    public static SamplingMask full(int width, int height) {
        boolean[] s = new boolean[Math.multiplyExact(width, height)];
        java.util.Arrays.fill(s, true);
        return of(width, height, s, "fully sampled");
    }

    /** k-space width. */
    public int width() {
        return width;
    }

    /** k-space height. */
    public int height() {
        return height;
    }

    /** Whether the sample at column x, row y was acquired. */
    public boolean isSampled(int x, int y) {
        return sampled[y * width + x];
    }

    /** Whether the row-major sample {@code index} was acquired. */
    public boolean isSampled(int index) {
        return sampled[index];
    }

    /** Number of acquired samples. */
    public int sampledCount() {
        return count;
    }

    /** Number of grid samples, {@code width * height}. */
    public int totalCount() {
        return sampled.length;
    }

    /** Exact acceleration {@code total / sampled}; infinite for an empty mask. */
    public double acceleration() {
        return count == 0 ? Double.POSITIVE_INFINITY : (double) sampled.length / count;
    }

    /** Fraction of samples acquired, {@code sampled / total}. */
    public double sampledFraction() {
        return (double) count / sampled.length;
    }

    /** How the mask was made, for logs and reports. */
    public String description() {
        return description;
    }

    /** Copy of the grid. */
    public boolean[] toBooleanArray() {
        return sampled.clone();
    }

    /** 1 where sampled, 0 elsewhere. */
    public float[] toFloatArray() {
        float[] f = new float[sampled.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = sampled[k] ? 1f : 0f;
        }
        return f;
    }

    /** 8-bit image values: 255 (as byte -1) where sampled, 0 elsewhere. */
    public byte[] toBytes255() {
        byte[] b = new byte[sampled.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = sampled[k] ? (byte) 255 : 0;
        }
        return b;
    }

    /** The k-space with unsampled entries set to zero, as a new image. */
    public ComplexImage apply(ComplexImage kspace) {
        requireMatches(kspace);
        ComplexImage out = kspace.copy();
        double[] re = out.re();
        double[] im = out.im();
        for (int k = 0; k < sampled.length; k++) {
            if (!sampled[k]) {
                re[k] = 0;
                im[k] = 0;
            }
        }
        return out;
    }

    /** Throws a clear message when the mask is not the size of {@code kspace}. */
    public void requireMatches(ComplexImage kspace) {
        if (kspace.width() != width || kspace.height() != height) {
            throw new IllegalArgumentException("the sampling mask is " + width + "x" + height + " but the k-space is "
                    + kspace.width() + "x" + kspace.height() + "; generate the mask for the k-space size");
        }
    }

    /** Throws a clear message when nothing is sampled (a reconstruction would have no data). */
    public void requireNonEmpty() {
        if (count == 0) {
            throw new IllegalArgumentException("the sampling mask is all zero: no k-space sample was acquired,"
                    + " so there is nothing to reconstruct from; use a mask with sampled points");
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%d of %d samples, R = %.4f)", description, count,
                sampled.length, acceleration());
    }
}
