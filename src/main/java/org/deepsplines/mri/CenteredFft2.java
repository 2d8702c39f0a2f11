package org.deepsplines.mri;

/**
 * The MRI forward model's Fourier part: the centred, orthonormal 2D discrete Fourier transform
 * {@code F = fftshift ∘ fft2 ∘ ifftshift / sqrt(width * height)} and its inverse (which, F being
 * unitary, is also its adjoint).
 *
 * <p>Centring: the image sample at {@code (floor(W/2), floor(H/2))} is the origin, and the zero
 * frequency (DC) of the k-space sits at the same index. Written out along one axis of length
 * {@code N}, with {@code c = floor(N/2)}:
 * {@code X[u] = N^(-1/2) sum_y x[y] exp(-2 pi i (u - c)(y - c) / N)}. This matches numpy's
 * {@code fftshift(fft2(ifftshift(x), norm="ortho"))} and BART's {@code fft -u 3} for every size,
 * odd ones included.
 *
 * <p>Pure Java, double precision; any size works (see {@link Fft1d}). Single-precision overloads
 * convert internally.
 */
public final class CenteredFft2 {
    private CenteredFft2() {
    }

    /** {@code F x} as a new image. */
    public static ComplexImage forward(ComplexImage image) {
        ComplexImage k = image.copy();
        forwardInPlace(k);
        return k;
    }

    /** {@code F^-1 k = F^H k} as a new image. */
    public static ComplexImage inverse(ComplexImage kspace) {
        ComplexImage x = kspace.copy();
        inverseInPlace(x);
        return x;
    }

    /** Replaces {@code image} by its centred orthonormal transform. */
    public static void forwardInPlace(ComplexImage image) {
        transform(image.re(), image.im(), image.width(), image.height(), false);
    }

    /** Replaces {@code kspace} by its centred orthonormal inverse transform. */
    public static void inverseInPlace(ComplexImage kspace) {
        transform(kspace.re(), kspace.im(), kspace.width(), kspace.height(), true);
    }

    /** Single-precision, in place: row-major arrays of {@code width * height} values. */
    public static void forwardInPlace(float[] re, float[] im, int width, int height) {
        floatTransform(re, im, width, height, false);
    }

    /** Single-precision inverse, in place. */
    public static void inverseInPlace(float[] re, float[] im, int width, int height) {
        floatTransform(re, im, width, height, true);
    }

    /**
     * Double-precision transform in place on row-major arrays.
     *
     * @param inverse false for {@code F}, true for {@code F^-1}
     */
    public static void transform(double[] re, double[] im, int width, int height, boolean inverse) {
        if (width < 1 || height < 1 || re.length != (long) width * height || im.length != re.length) {
            throw new IllegalArgumentException("arrays must hold width*height = " + width + "x" + height
                    + " values, got " + re.length + " and " + im.length);
        }
        Fft1d rows = Fft1d.of(width);
        Fft1d cols = Fft1d.of(height);
        int longest = Math.max(width, height);
        double[] br = new double[longest];
        double[] bi = new double[longest];

        Fft1d.Workspace rowWs = rows.newWorkspace();
        int cx = width / 2;
        for (int y = 0; y < height; y++) {
            int off = y * width;
            // ifftshift while gathering, fftshift while scattering back
            for (int n = 0; n < width; n++) {
                int src = off + shifted(n, cx, width);
                br[n] = re[src];
                bi[n] = im[src];
            }
            rows.transform(br, bi, inverse, rowWs);
            for (int k = 0; k < width; k++) {
                int dst = off + shifted(k, cx, width);
                re[dst] = br[k];
                im[dst] = bi[k];
            }
        }

        Fft1d.Workspace colWs = cols.newWorkspace();
        int cy = height / 2;
        for (int x = 0; x < width; x++) {
            for (int n = 0; n < height; n++) {
                int src = shifted(n, cy, height) * width + x;
                br[n] = re[src];
                bi[n] = im[src];
            }
            cols.transform(br, bi, inverse, colWs);
            for (int k = 0; k < height; k++) {
                int dst = shifted(k, cy, height) * width + x;
                re[dst] = br[k];
                im[dst] = bi[k];
            }
        }

        double scale = 1.0 / Math.sqrt((double) width * height);
        for (int k = 0; k < re.length; k++) {
            re[k] *= scale;
            im[k] *= scale;
        }
    }

    private static int shifted(int n, int c, int length) {
        int s = n + c;
        return s >= length ? s - length : s;
    }

    private static void floatTransform(float[] re, float[] im, int width, int height, boolean inverse) {
        if (re.length != im.length) {
            throw new IllegalArgumentException("real and imaginary parts differ in length: " + re.length
                    + " vs " + im.length);
        }
        double[] r = new double[re.length];
        double[] i = new double[im.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[k];
            i[k] = im[k];
        }
        transform(r, i, width, height, inverse);
        for (int k = 0; k < r.length; k++) {
            re[k] = (float) r[k];
            im[k] = (float) i[k];
        }
    }
}
