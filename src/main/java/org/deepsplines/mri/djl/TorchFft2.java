package org.deepsplines.mri.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/** {@link NDFourier2d} through PyTorch's FFT on real inputs (autograd-safe). */
final class TorchFft2 implements NDFourier2d {
    static final TorchFft2 INSTANCE = new TorchFft2();

    private TorchFft2() {
    }

    @Override
    public NDArray forward(NDArray image) {
        return transform(image, false);
    }

    @Override
    public NDArray inverse(NDArray kspace) {
        return transform(kspace, true);
    }

    private static NDArray transform(NDArray z, boolean inverse) {
        NDComplex.requireComplex(z);
        Shape s = z.getShape();
        int d = s.dimension();
        long h = s.get(d - 2);
        long w = s.get(d - 1);
        long[] sizes = {h, w};
        long[] axes = {d - 2, d - 1};
        NDArray shifted = roll(roll(z, d - 2, h / 2), d - 1, w / 2); // ifftshift: move the centre to index 0
        NDList parts = shifted.split(2, d - 3);
        // F(a + ib) = F(a) + i F(b) with a, b real: torch differentiates real-input FFTs
        NDArray fa = (inverse ? parts.get(0).ifft2(sizes, axes) : parts.get(0).fft2(sizes, axes)).real();
        NDArray fb = (inverse ? parts.get(1).ifft2(sizes, axes) : parts.get(1).fft2(sizes, axes)).real();
        // real() appends an axis (re, im): (..., 1, H, W, 2)
        NDList a = fa.split(2, d);
        NDList b = fb.split(2, d);
        NDArray re = a.get(0).sub(b.get(1));
        NDArray im = a.get(1).add(b.get(0));
        NDArray out = re.concat(im, d - 3).squeeze(d);
        out = roll(roll(out, d - 2, h - h / 2), d - 1, w - w / 2); // fftshift
        double scale = inverse ? Math.sqrt((double) h * w) : 1 / Math.sqrt((double) h * w);
        return GraphScalars.scale(out, scale);
    }

    /** Circular shift that brings index {@code k} to position 0 along {@code axis}. */
    private static NDArray roll(NDArray x, int axis, long k) {
        long n = x.getShape().get(axis);
        if (k % n == 0) {
            return x;
        }
        NDList pieces = x.split(new long[] {k}, axis);
        return pieces.get(1).concat(pieces.get(0), axis);
    }
}
