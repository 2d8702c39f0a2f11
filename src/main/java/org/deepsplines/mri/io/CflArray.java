package org.deepsplines.mri.io;

import java.util.Arrays;
import org.deepsplines.mri.ComplexImage;

/**
 * A multi-dimensional complex array in BART's layout: up to 16 dimensions, column-major (dimension 0
 * varies fastest). BART's convention for MRI data is dimension 0 = x (read-out), 1 = y, 2 = z,
 * 3 = coils; the rest hold maps, echoes, time and so on.
 */
public final class CflArray {
    /** BART's coil dimension. */
    public static final int COIL_DIM = 3;

    private final int[] dims;
    private final float[] re;
    private final float[] im;

    /**
     * Wraps data (no copy).
     *
     * @param dims sizes, each at least 1
     * @param re real parts, column-major
     * @param im imaginary parts, column-major
     */
    public CflArray(int[] dims, float[] re, float[] im) {
        long n = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("dimensions must be >= 1, got " + Arrays.toString(dims));
            }
            n *= d;
        }
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " need " + n
                    + " values, got " + re.length + " and " + im.length);
        }
        this.dims = dims.clone();
        this.re = re;
        this.im = im;
    }

    /** All dimension sizes as stored in the header. */
    public int[] dims() {
        return dims.clone();
    }

    /** Size of dimension {@code d} (1 for dimensions beyond those stored). */
    public int dim(int d) {
        return d < dims.length ? dims[d] : 1;
    }

    /** Number of coils (size of dimension 3). */
    public int coilCount() {
        return dim(COIL_DIM);
    }

    /** Number of complex values. */
    public int size() {
        return re.length;
    }

    /** Live real parts, column-major. */
    public float[] re() {
        return re;
    }

    /** Live imaginary parts, column-major. */
    public float[] im() {
        return im;
    }

    /** The dimensions as text, for example "256x256x1x4". */
    public String shapeString() {
        int last = dims.length - 1;
        while (last > 1 && dims[last] == 1) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            sb.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return sb.toString();
    }

    /**
     * The data as one 2D image (x = dimension 0, y = dimension 1).
     *
     * @throws IllegalArgumentException if any other dimension is larger than 1, for example several coils
     */
    public ComplexImage image() {
        for (int d = 2; d < dims.length; d++) {
            if (dims[d] > 1) {
                String what = d == COIL_DIM ? "has " + dims[d] + " coils" : "has size " + dims[d] + " in dimension " + d;
                throw new IllegalArgumentException("this data (" + shapeString() + ") " + what + ", but a single 2D"
                        + " (single-coil) image was expected; pick one coil with coil(c), or combine the coils first");
            }
        }
        return slice(0);
    }

    /**
     * The 2D image of coil {@code c}.
     *
     * @throws IllegalArgumentException if {@code c} is out of range, or dimensions other than x, y and coils exceed 1
     */
    public ComplexImage coil(int c) {
        if (c < 0 || c >= coilCount()) {
            throw new IllegalArgumentException("coil " + c + " does not exist; the data has " + coilCount()
                    + " coil(s)");
        }
        for (int d = 2; d < dims.length; d++) {
            if (d != COIL_DIM && dims[d] > 1) {
                throw new IllegalArgumentException("data " + shapeString() + " is not a stack of 2D coil images"
                        + " (dimension " + d + " has size " + dims[d] + ")");
            }
        }
        return slice(c);
    }

    private ComplexImage slice(int index) {
        int w = dim(0);
        int h = dim(1);
        int n = w * h;
        double[] r = new double[n];
        double[] i = new double[n];
        int off = index * n;
        // column-major with x fastest is exactly the row-major (y, x) layout of ComplexImage
        for (int k = 0; k < n; k++) {
            r[k] = re[off + k];
            i[k] = im[off + k];
        }
        return ComplexImage.wrap(w, h, r, i);
    }
}
