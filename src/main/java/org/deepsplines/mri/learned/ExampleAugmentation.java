package org.deepsplines.mri.learned;

import java.util.SplittableRandom;
import org.deepsplines.mri.ComplexImage;

/**
 * Random variations of a ground-truth slice before its acquisition is simulated, so that a few slices of one
 * subject teach more than their own appearance:
 * <ul>
 *   <li>geometry: horizontal/vertical flips and a transposition (decided per batch by the caller, since it
 *       swaps width and height);</li>
 *   <li>contrast: the magnitude {@code t = |x| / max|x|} is remapped by a random piecewise-linear curve through
 *       (0, 0) and values drawn in [0.1, 1] at t = 0.25, 0.5, 0.75, 1 (not necessarily increasing, so tissue
 *       order can change as between T1 and PD weighting); the phase is kept;</li>
 *   <li>phase: {@code exp(i (a + b u + c v + d t))}, {@code u, v} in [-1, 1] across the field of view,
 *       {@code a} uniform in [-π, π], {@code b, c} in [-π/2, π/2], {@code d} in [-1, 1] (measured complex
 *       images often have a smooth phase plus a tissue-dependent part).</li>
 * </ul>
 * All sizes are kept except by the transposition, so k-space operators stay valid.
 */
final class ExampleAugmentation {
    private static final double[] CONTRAST_KNOTS = {0, 0.25, 0.5, 0.75, 1};

    private final boolean flips;
    private final double phaseProbability;
    private final double contrastProbability;

    ExampleAugmentation(boolean flips, double phaseProbability, double contrastProbability) {
        this.flips = flips;
        this.phaseProbability = phaseProbability;
        this.contrastProbability = contrastProbability;
    }

    /** Whether the geometric augmentations are on (the caller then draws the per-batch transposition). */
    boolean geometric() {
        return flips;
    }

    ComplexImage apply(ComplexImage image, boolean transpose, SplittableRandom r) {
        boolean fx = flips && r.nextBoolean();
        boolean fy = flips && r.nextBoolean();
        boolean phase = r.nextDouble() < phaseProbability;
        double a = (r.nextDouble() * 2 - 1) * Math.PI;
        double b = (r.nextDouble() * 2 - 1) * Math.PI / 2;
        double c = (r.nextDouble() * 2 - 1) * Math.PI / 2;
        double d = r.nextDouble() * 2 - 1;
        boolean contrast = r.nextDouble() < contrastProbability;
        double[] curve = new double[CONTRAST_KNOTS.length];
        for (int k = 1; k < curve.length; k++) {
            curve[k] = 0.1 + 0.9 * r.nextDouble();
        }
        if (!fx && !fy && !phase && !contrast && !transpose) {
            return image;
        }
        int sw = image.width();
        int sh = image.height();
        int w = transpose ? sh : sw;
        int h = transpose ? sw : sh;
        double peak = image.maxAbs();
        double[] re = new double[w * h];
        double[] im = new double[w * h];
        for (int y = 0; y < h; y++) {
            double v = h > 1 ? 2.0 * y / (h - 1) - 1 : 0;
            for (int x = 0; x < w; x++) {
                int tx = fx ? w - 1 - x : x;
                int ty = fy ? h - 1 - y : y;
                int sx = transpose ? ty : tx;
                int sy = transpose ? tx : ty;
                double pr = image.re(sx, sy);
                double pi = image.im(sx, sy);
                double mag = Math.hypot(pr, pi);
                double t = peak > 0 ? mag / peak : 0;
                if (contrast && mag > 0) {
                    double gain = remap(curve, t) / t;
                    pr *= gain;
                    pi *= gain;
                }
                int i = y * w + x;
                if (phase) {
                    double u = w > 1 ? 2.0 * x / (w - 1) - 1 : 0;
                    double angle = a + b * u + c * v + d * t;
                    double cs = Math.cos(angle);
                    double sn = Math.sin(angle);
                    re[i] = pr * cs - pi * sn;
                    im[i] = pr * sn + pi * cs;
                } else {
                    re[i] = pr;
                    im[i] = pi;
                }
            }
        }
        return ComplexImage.wrap(w, h, re, im);
    }

    /** Piecewise-linear interpolation of the curve at t in [0, 1]. */
    private static double remap(double[] curve, double t) {
        double s = Math.min(1, Math.max(0, t)) * (CONTRAST_KNOTS.length - 1);
        int k = Math.min((int) s, CONTRAST_KNOTS.length - 2);
        double f = s - k;
        return curve[k] * (1 - f) + curve[k + 1] * f;
    }
}
