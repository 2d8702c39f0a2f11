package org.deepsplines.mri;

import java.util.Arrays;

/**
 * A 2D complex-valued image (or k-space) held as two double arrays, row-major: the sample at column
 * {@code x} and row {@code y} lives at index {@code y * width + x}.
 *
 * <p>The arrays returned by {@link #re()} and {@link #im()} are the live storage, so that iterative
 * algorithms can work in place without copies; use {@link #copy()} when an independent image is needed.
 */
public final class ComplexImage {
    private final int width;
    private final int height;
    private final double[] re;
    private final double[] im;

    private ComplexImage(int width, int height, double[] re, double[] im) {
        this.width = width;
        this.height = height;
        this.re = re;
        this.im = im;
    }

    /** A complex image of zeros. */
    public static ComplexImage zeros(int width, int height) {
        requirePositive(width, height);
        int n = Math.multiplyExact(width, height);
        return new ComplexImage(width, height, new double[n], new double[n]);
    }

    /**
     * Wraps existing arrays (no copy).
     *
     * @throws IllegalArgumentException if the arrays do not hold {@code width * height} values
     */
    public static ComplexImage wrap(int width, int height, double[] re, double[] im) {
        requirePositive(width, height);
        int n = Math.multiplyExact(width, height);
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("real and imaginary parts must hold " + width + "x" + height + " = " + n
                    + " values, got " + re.length + " and " + im.length);
        }
        return new ComplexImage(width, height, re, im);
    }

    /** A complex image with the given real part (copied) and a zero imaginary part. */
    public static ComplexImage ofReal(int width, int height, double[] real) {
        return wrap(width, height, real.clone(), new double[real.length]);
    }

    /** A complex image from single-precision parts (copied to double). {@code im} may be null for a real image. */
    public static ComplexImage ofFloats(int width, int height, float[] re, float[] im) {
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            r[k] = re[k];
        }
        if (im != null) {
            if (im.length != re.length) {
                throw new IllegalArgumentException("real and imaginary parts differ in length: " + re.length
                        + " vs " + im.length);
            }
            for (int k = 0; k < im.length; k++) {
                i[k] = im[k];
            }
        }
        return wrap(width, height, r, i);
    }

    /** Number of columns (x). */
    public int width() {
        return width;
    }

    /** Number of rows (y). */
    public int height() {
        return height;
    }

    /** Number of samples, {@code width * height}. */
    public int size() {
        return re.length;
    }

    /** Live real part, row-major. */
    public double[] re() {
        return re;
    }

    /** Live imaginary part, row-major. */
    public double[] im() {
        return im;
    }

    /** Real part at column x, row y. */
    public double re(int x, int y) {
        return re[y * width + x];
    }

    /** Imaginary part at column x, row y. */
    public double im(int x, int y) {
        return im[y * width + x];
    }

    /** Sets the sample at column x, row y. */
    public void set(int x, int y, double real, double imag) {
        int k = y * width + x;
        re[k] = real;
        im[k] = imag;
    }

    /** An independent copy. */
    public ComplexImage copy() {
        return new ComplexImage(width, height, re.clone(), im.clone());
    }

    /** Modulus |z| of every sample, row-major. */
    public double[] magnitude() {
        double[] m = new double[re.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = Math.hypot(re[k], im[k]);
        }
        return m;
    }

    /** Modulus as float, for writing 32-bit images. */
    public float[] magnitudeFloat() {
        float[] m = new float[re.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = (float) Math.hypot(re[k], im[k]);
        }
        return m;
    }

    /** Argument (phase, radians in (-pi, pi]) of every sample. */
    public double[] phase() {
        double[] p = new double[re.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.atan2(im[k], re[k]);
        }
        return p;
    }

    /** Real part as float. */
    public float[] reFloat() {
        return toFloat(re);
    }

    /** Imaginary part as float. */
    public float[] imFloat() {
        return toFloat(im);
    }

    /** Euclidean norm sqrt(sum |z|^2). */
    public double norm() {
        double s = 0;
        for (int k = 0; k < re.length; k++) {
            s += re[k] * re[k] + im[k] * im[k];
        }
        return Math.sqrt(s);
    }

    /** Largest modulus. */
    public double maxAbs() {
        double m = 0;
        for (int k = 0; k < re.length; k++) {
            m = Math.max(m, Math.hypot(re[k], im[k]));
        }
        return m;
    }

    /** Multiplies every sample by a real factor, in place; returns this. */
    public ComplexImage scaleInPlace(double factor) {
        for (int k = 0; k < re.length; k++) {
            re[k] *= factor;
            im[k] *= factor;
        }
        return this;
    }

    /** {@code this - other} as a new image. */
    public ComplexImage minus(ComplexImage other) {
        requireSameSize(other, "other image");
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[k] - other.re[k];
            i[k] = im[k] - other.im[k];
        }
        return new ComplexImage(width, height, r, i);
    }

    /** True when the image has the same width and height as {@code other}. */
    public boolean sameSize(ComplexImage other) {
        return width == other.width && height == other.height;
    }

    /**
     * Throws a clear message when {@code other} differs in size.
     *
     * @param what how to name {@code other} in the message
     */
    public void requireSameSize(ComplexImage other, String what) {
        if (!sameSize(other)) {
            throw new IllegalArgumentException(what + " is " + other.width + "x" + other.height + " but "
                    + width + "x" + height + " was expected");
        }
    }

    /**
     * Throws a clear message naming the first NaN or infinite sample.
     *
     * @param what how to name this image in the message, for example "k-space"
     */
    public void requireFinite(String what) {
        for (int k = 0; k < re.length; k++) {
            if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) {
                throw new IllegalArgumentException(what + " contains a non-finite value (" + re[k] + ", " + im[k]
                        + ") at x=" + (k % width) + ", y=" + (k / width)
                        + "; replace NaN/infinite samples (for example by 0 and mark them unsampled in the mask)");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ComplexImage)) {
            return false;
        }
        ComplexImage c = (ComplexImage) o;
        return width == c.width && height == c.height && Arrays.equals(re, c.re) && Arrays.equals(im, c.im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(re) + 7 * Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "ComplexImage[" + width + "x" + height + "]";
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            f[k] = (float) a[k];
        }
        return f;
    }

    private static void requirePositive(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }
}
