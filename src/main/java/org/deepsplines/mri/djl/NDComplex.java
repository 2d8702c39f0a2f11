package org.deepsplines.mri.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.SamplingMask;

/**
 * Complex arithmetic and conversions for the two-channel layout {@code (..., 2, H, W)}. Every operation is
 * made of real tensor operations, so it is differentiable with DJL's autograd.
 */
public final class NDComplex {
    private NDComplex() {
    }

    /** A {@code (2, H, W)} float32 array holding the image's real and imaginary parts. */
    public static NDArray fromImage(NDManager manager, ComplexImage image) {
        float[] data = new float[2 * image.size()];
        System.arraycopy(image.reFloat(), 0, data, 0, image.size());
        System.arraycopy(image.imFloat(), 0, data, image.size(), image.size());
        return manager.create(data, new Shape(2, image.height(), image.width()));
    }

    /**
     * The image held by a {@code (2, H, W)} array (a leading batch axis of size 1 is accepted).
     *
     * @throws IllegalArgumentException for any other shape
     */
    public static ComplexImage toImage(NDArray array) {
        Shape s = array.getShape();
        long leading = 1;
        for (int i = 0; i < s.dimension() - 3; i++) {
            leading *= s.get(i);
        }
        if (s.dimension() < 3 || s.get(s.dimension() - 3) != 2 || leading != 1) {
            throw new IllegalArgumentException("expected a single complex image of shape (2, H, W), got " + s);
        }
        int h = (int) s.get(s.dimension() - 2);
        int w = (int) s.get(s.dimension() - 1);
        float[] v = array.toType(DataType.FLOAT32, false).toFloatArray();
        float[] re = java.util.Arrays.copyOfRange(v, 0, w * h);
        float[] im = java.util.Arrays.copyOfRange(v, w * h, 2 * w * h);
        return ComplexImage.ofFloats(w, h, re, im);
    }

    /** A float32 {@code (H, W)} array of 0 and 1 from a mask. */
    public static NDArray mask(NDManager manager, SamplingMask mask) {
        return manager.create(mask.toFloatArray(), new Shape(mask.height(), mask.width()));
    }

    /** Real part {@code (..., H, W)} of a {@code (..., 2, H, W)} array. */
    public static NDArray real(NDArray z) {
        requireComplex(z);
        return z.get(new NDIndex("..., 0, :, :"));
    }

    /** Imaginary part {@code (..., H, W)}. */
    public static NDArray imag(NDArray z) {
        requireComplex(z);
        return z.get(new NDIndex("..., 1, :, :"));
    }

    /** Stacks real and imaginary parts {@code (..., H, W)} into {@code (..., 2, H, W)}. */
    public static NDArray of(NDArray re, NDArray im) {
        return NDArrays.stack(new NDList(re, im), re.getShape().dimension() - 2);
    }

    /** Complex product {@code a * b} (broadcasting). */
    public static NDArray multiply(NDArray a, NDArray b) {
        NDArray ar = real(a);
        NDArray ai = imag(a);
        NDArray br = real(b);
        NDArray bi = imag(b);
        return of(ar.mul(br).sub(ai.mul(bi)), ar.mul(bi).add(ai.mul(br)));
    }

    /** Complex conjugate. */
    public static NDArray conj(NDArray z) {
        return of(real(z), imag(z).neg());
    }

    /** Modulus {@code (..., H, W)}; its gradient is infinite at zero, see {@link #magnitude(NDArray, double)}. */
    public static NDArray magnitude(NDArray z) {
        NDArray re = real(z);
        NDArray im = imag(z);
        return re.square().add(im.square()).sqrt();
    }

    /** Smoothed modulus {@code sqrt(|z|^2 + eps)}, safe to differentiate at zero. */
    public static NDArray magnitude(NDArray z, double eps) {
        NDArray re = real(z);
        NDArray im = imag(z);
        return re.square().add(im.square()).add(eps).sqrt();
    }

    /** {@code (..., H, W, 2)} (last axis = re, im) to {@code (..., 2, H, W)}. */
    public static NDArray fromLastAxis(NDArray z) {
        Shape s = z.getShape();
        int d = s.dimension();
        if (d < 3 || s.get(d - 1) != 2) {
            throw new IllegalArgumentException("expected shape (..., H, W, 2), got " + s);
        }
        int[] axes = identity(d);
        axes[d - 3] = d - 1;
        axes[d - 2] = d - 3;
        axes[d - 1] = d - 2;
        return z.transpose(axes);
    }

    /** {@code (..., 2, H, W)} to {@code (..., H, W, 2)} (last axis = re, im, as torch's view_as_real). */
    public static NDArray toLastAxis(NDArray z) {
        requireComplex(z);
        int d = z.getShape().dimension();
        int[] axes = identity(d);
        axes[d - 3] = d - 2;
        axes[d - 2] = d - 1;
        axes[d - 1] = d - 3;
        return z.transpose(axes);
    }

    /** Throws unless the shape is {@code (..., 2, H, W)}. */
    static void requireComplex(NDArray z) {
        Shape s = z.getShape();
        if (s.dimension() < 3 || s.get(s.dimension() - 3) != 2) {
            throw new IllegalArgumentException("expected complex data of shape (..., 2, H, W) with real and"
                    + " imaginary channels on axis -3, got " + s);
        }
    }

    private static int[] identity(int d) {
        int[] a = new int[d];
        for (int i = 0; i < d; i++) {
            a[i] = i;
        }
        return a;
    }
}
