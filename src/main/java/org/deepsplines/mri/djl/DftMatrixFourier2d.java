package org.deepsplines.mri.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * {@link NDFourier2d} as {@code F_H X F_W^T} with precomputed centred orthonormal DFT matrices
 * {@code F_N[u, y] = exp(-2 pi i (u - c)(y - c) / N) / sqrt(N)}, {@code c = floor(N/2)} (symmetric, so
 * {@code F_W^T = F_W}; the inverse uses the conjugates). Each complex product is four real matmuls.
 */
public final class DftMatrixFourier2d implements NDFourier2d, AutoCloseable {
    private final int height;
    private final int width;
    private final NDManager manager;
    private final NDArray hRe;
    private final NDArray hIm;
    private final NDArray wRe;
    private final NDArray wIm;

    DftMatrixFourier2d(NDManager parent, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
        this.height = height;
        this.width = width;
        this.manager = parent.newSubManager();
        NDArray[] h = matrix(manager, height);
        NDArray[] w = matrix(manager, width);
        hRe = h[0];
        hIm = h[1];
        wRe = w[0];
        wIm = w[1];
    }

    private static NDArray[] matrix(NDManager m, int n) {
        float[] re = new float[n * n];
        float[] im = new float[n * n];
        int c = n / 2;
        double norm = 1 / Math.sqrt(n);
        for (int u = 0; u < n; u++) {
            for (int y = 0; y < n; y++) {
                // reduce the phase index mod n in integers, so large sizes keep full accuracy
                long p = Math.floorMod((long) (u - c) * (y - c), (long) n);
                double a = 2 * Math.PI * p / n;
                re[u * n + y] = (float) (Math.cos(a) * norm);
                im[u * n + y] = (float) (-Math.sin(a) * norm);
            }
        }
        return new NDArray[] {m.create(re, new Shape(n, n)), m.create(im, new Shape(n, n))};
    }

    /** Data height H these matrices are for. */
    public int height() {
        return height;
    }

    /** Data width W these matrices are for. */
    public int width() {
        return width;
    }

    @Override
    public NDArray forward(NDArray image) {
        return apply(image, false);
    }

    @Override
    public NDArray inverse(NDArray kspace) {
        return apply(kspace, true);
    }

    private NDArray apply(NDArray z, boolean inverse) {
        NDComplex.requireComplex(z);
        Shape s = z.getShape();
        int d = s.dimension();
        if (s.get(d - 2) != height || s.get(d - 1) != width) {
            throw new IllegalArgumentException("these DFT matrices are for " + width + "x" + height + " data, got "
                    + s.get(d - 1) + "x" + s.get(d - 2));
        }
        NDArray ar = onDeviceOf(hRe, z);
        NDArray ai = onDeviceOf(hIm, z);
        NDArray br = onDeviceOf(wRe, z);
        NDArray bi = onDeviceOf(wIm, z);
        if (inverse) {
            ai = ai.neg();
            bi = bi.neg();
        }
        NDArray xr = NDComplex.real(z);
        NDArray xi = NDComplex.imag(z);
        // T = F_H X
        NDArray tr = ar.matMul(xr).sub(ai.matMul(xi));
        NDArray ti = ar.matMul(xi).add(ai.matMul(xr));
        // Y = T F_W
        NDArray yr = tr.matMul(br).sub(ti.matMul(bi));
        NDArray yi = tr.matMul(bi).add(ti.matMul(br));
        return NDComplex.of(yr, yi);
    }

    private static NDArray onDeviceOf(NDArray constant, NDArray like) {
        NDArray c = constant;
        if (!c.getDevice().equals(like.getDevice())) {
            c = c.toDevice(like.getDevice(), false);
        }
        if (c.getDataType() != like.getDataType()) {
            c = c.toType(like.getDataType(), false);
        }
        return c;
    }

    /** Frees the matrices. */
    @Override
    public void close() {
        manager.close();
    }
}
