package org.deepsplines.mri;

/**
 * Compressed-sensing reconstruction with a total-variation penalty, the classical comparator for learned
 * reconstructions:
 * <pre>  min_x  1/2 ||M F x - y||^2 + lambda TV(x),   x complex,</pre>
 * with {@code F} the centred orthonormal FFT, {@code M} the mask and {@code TV} built on periodic forward
 * differences {@code D = (D_x, D_y)} (isotropic or anisotropic, see {@link TvNorm}).
 *
 * <p>Solver: ADMM on the split {@code z = D x}. Because {@code F^H M F} and the periodic {@code D^H D}
 * are both diagonal in k-space, the x-step is solved exactly by one division in k-space:
 * {@code F x = (y + rho F D^H (z - u)) / (M + rho |d|^2)} with
 * {@code |d|^2 = 4 sin^2(pi (u - cx) / W) + 4 sin^2(pi (v - cy) / H)}. The z-step is a (group) soft
 * threshold at {@code lambda / rho}. Each iteration costs two FFTs, and the measured samples are fitted
 * as closely as {@code lambda} allows (data consistency is part of the x-step).
 */
public final class TvCompressedSensing {
    private final TvParameters parameters;

    /** Result of a reconstruction. */
    public record Result(ComplexImage image, int iterations, boolean converged, double lambda, double objective) {
    }

    /** A solver with the given settings. */
    public TvCompressedSensing(TvParameters parameters) {
        this.parameters = parameters;
    }

    /** A solver with {@link TvParameters#defaults()}. */
    public TvCompressedSensing() {
        this(TvParameters.defaults());
    }

    /** The solver settings. */
    public TvParameters parameters() {
        return parameters;
    }

    /**
     * Reconstructs an image from undersampled k-space.
     *
     * @param kspace measured k-space (entries outside the mask are ignored)
     * @throws IllegalArgumentException if the mask is empty or of another size, or the k-space holds NaN
     */
    public Result reconstruct(ComplexImage kspace, SamplingMask mask) {
        UndersampledFourier op = new UndersampledFourier(mask);
        op.requireCompatible(kspace);
        int w = kspace.width();
        int h = kspace.height();
        int n = w * h;
        ComplexImage y = mask.apply(kspace);
        ComplexImage x = CenteredFft2.inverse(y);
        double lambda = parameters.relativeLambda() * x.maxAbs();
        double rho = parameters.rho();
        if (lambda == 0) {
            return new Result(x, 0, true, 0, objective(x, y, mask, 0));
        }

        double[] denominator = new double[n];
        for (int v = 0; v < h; v++) {
            double sy = Math.sin(Math.PI * (v - h / 2) / h);
            for (int u = 0; u < w; u++) {
                double sx = Math.sin(Math.PI * (u - w / 2) / w);
                int k = v * w + u;
                denominator[k] = (mask.isSampled(k) ? 1 : 0) + rho * 4 * (sx * sx + sy * sy);
            }
        }

        double threshold = lambda / rho;
        Gradient u = new Gradient(w, h);
        Gradient dx = Gradient.of(x);
        // Start from the shrunk gradient of the zero-filled image: with z = D x_zf the first x-step would
        // return x_zf unchanged and the stopping test would fire at once.
        Gradient z = new Gradient(w, h);
        z.shrinkSumOf(dx, u, threshold, parameters.norm());
        ComplexImage rhs = ComplexImage.zeros(w, h);
        double[] prevRe = new double[n];
        double[] prevIm = new double[n];
        int it = 0;
        boolean converged = false;
        while (it < parameters.maxIterations()) {
            it++;
            System.arraycopy(x.re(), 0, prevRe, 0, n);
            System.arraycopy(x.im(), 0, prevIm, 0, n);
            // x-step: exact solve in k-space
            Gradient.adjointOfDifference(z, u, rhs);
            CenteredFft2.forwardInPlace(rhs);
            double[] rr = rhs.re();
            double[] ri = rhs.im();
            for (int k = 0; k < n; k++) {
                double d = denominator[k];
                if (d == 0) { // unsampled DC: the mean is not determined; keep it at zero
                    rr[k] = 0;
                    ri[k] = 0;
                } else {
                    rr[k] = (y.re()[k] + rho * rr[k]) / d;
                    ri[k] = (y.im()[k] + rho * ri[k]) / d;
                }
            }
            CenteredFft2.inverseInPlace(rhs);
            System.arraycopy(rr, 0, x.re(), 0, n);
            System.arraycopy(ri, 0, x.im(), 0, n);
            // z-step and dual update
            dx.setToDifferences(x);
            z.shrinkSumOf(dx, u, threshold, parameters.norm());
            u.accumulateResidual(dx, z);

            double change = 0;
            double size = 0;
            for (int k = 0; k < n; k++) {
                double a = x.re()[k] - prevRe[k];
                double b = x.im()[k] - prevIm[k];
                change += a * a + b * b;
                size += x.re()[k] * x.re()[k] + x.im()[k] * x.im()[k];
            }
            if (parameters.tolerance() > 0 && it > 1 && Math.sqrt(change) <= parameters.tolerance() * Math.sqrt(size)) {
                converged = true;
                break;
            }
        }
        return new Result(x, it, converged, lambda, objective(x, y, mask, lambda));
    }

    /** {@code 1/2 ||M F x - y||^2 + lambda TV(x)} with this solver's TV norm. */
    public double objective(ComplexImage x, ComplexImage kspace, SamplingMask mask, double lambda) {
        ComplexImage r = new UndersampledFourier(mask).forward(x).minus(mask.apply(kspace));
        double data = r.norm();
        return 0.5 * data * data + lambda * Gradient.of(x).tv(parameters.norm());
    }

    /** Periodic forward differences of a complex image: the pair (D_x x, D_y x) and the ADMM operations on it. */
    static final class Gradient {
        final int w;
        final int h;
        final double[] xr;
        final double[] xi;
        final double[] yr;
        final double[] yi;

        Gradient(int w, int h) {
            this.w = w;
            this.h = h;
            int n = w * h;
            xr = new double[n];
            xi = new double[n];
            yr = new double[n];
            yi = new double[n];
        }

        static Gradient of(ComplexImage img) {
            Gradient g = new Gradient(img.width(), img.height());
            g.setToDifferences(img);
            return g;
        }

        void setToDifferences(ComplexImage img) {
            double[] re = img.re();
            double[] im = img.im();
            for (int v = 0; v < h; v++) {
                int row = v * w;
                int below = ((v + 1) % h) * w;
                for (int c = 0; c < w; c++) {
                    int k = row + c;
                    int right = row + (c + 1 == w ? 0 : c + 1);
                    xr[k] = re[right] - re[k];
                    xi[k] = im[right] - im[k];
                    yr[k] = re[below + c] - re[k];
                    yi[k] = im[below + c] - im[k];
                }
            }
        }

        /** out = D^H (a - b). */
        static void adjointOfDifference(Gradient a, Gradient b, ComplexImage out) {
            int w = a.w;
            int h = a.h;
            double[] re = out.re();
            double[] im = out.im();
            for (int v = 0; v < h; v++) {
                int row = v * w;
                int above = ((v - 1 + h) % h) * w;
                for (int c = 0; c < w; c++) {
                    int k = row + c;
                    int left = row + (c == 0 ? w - 1 : c - 1);
                    int up = above + c;
                    re[k] = (a.xr[left] - b.xr[left]) - (a.xr[k] - b.xr[k])
                            + (a.yr[up] - b.yr[up]) - (a.yr[k] - b.yr[k]);
                    im[k] = (a.xi[left] - b.xi[left]) - (a.xi[k] - b.xi[k])
                            + (a.yi[up] - b.yi[up]) - (a.yi[k] - b.yi[k]);
                }
            }
        }

        /** this = shrink(d + u, t): group soft threshold (isotropic) or per complex component (anisotropic). */
        void shrinkSumOf(Gradient d, Gradient u, double t, TvNorm norm) {
            for (int k = 0; k < xr.length; k++) {
                double ar = d.xr[k] + u.xr[k];
                double ai = d.xi[k] + u.xi[k];
                double br = d.yr[k] + u.yr[k];
                double bi = d.yi[k] + u.yi[k];
                if (norm == TvNorm.ISOTROPIC) {
                    double mag = Math.sqrt(ar * ar + ai * ai + br * br + bi * bi);
                    double s = mag > t ? 1 - t / mag : 0;
                    xr[k] = s * ar;
                    xi[k] = s * ai;
                    yr[k] = s * br;
                    yi[k] = s * bi;
                } else {
                    double ma = Math.hypot(ar, ai);
                    double sa = ma > t ? 1 - t / ma : 0;
                    double mb = Math.hypot(br, bi);
                    double sb = mb > t ? 1 - t / mb : 0;
                    xr[k] = sa * ar;
                    xi[k] = sa * ai;
                    yr[k] = sb * br;
                    yi[k] = sb * bi;
                }
            }
        }

        /** this += d - z. */
        void accumulateResidual(Gradient d, Gradient z) {
            for (int k = 0; k < xr.length; k++) {
                xr[k] += d.xr[k] - z.xr[k];
                xi[k] += d.xi[k] - z.xi[k];
                yr[k] += d.yr[k] - z.yr[k];
                yi[k] += d.yi[k] - z.yi[k];
            }
        }

        double tv(TvNorm norm) {
            double s = 0;
            for (int k = 0; k < xr.length; k++) {
                double a = xr[k] * xr[k] + xi[k] * xi[k];
                double b = yr[k] * yr[k] + yi[k] * yi[k];
                s += norm == TvNorm.ISOTROPIC ? Math.sqrt(a + b) : Math.sqrt(a) + Math.sqrt(b);
            }
            return s;
        }
    }
}
