package org.deepsplines.mri.learned;

import java.util.SplittableRandom;
import org.deepsplines.mri.ComplexImage;

/**
 * Random variations of a ground-truth slice before its acquisition is simulated: flips, and a smooth phase
 * {@code exp(i (a + b u + c v))} ({@code u, v} in [-1, 1] across the field of view, {@code a} uniform in
 * [-π, π], {@code b, c} uniform in [-π/2, π/2]) so that magnitude-only training data also teach the network
 * complex images. Flips keep the size, so k-space operators stay valid.
 */
final class ExampleAugmentation {
    private final boolean flips;
    private final double phaseProbability;

    ExampleAugmentation(boolean flips, double phaseProbability) {
        this.flips = flips;
        this.phaseProbability = phaseProbability;
    }

    ComplexImage apply(ComplexImage image, SplittableRandom r) {
        boolean fx = flips && r.nextBoolean();
        boolean fy = flips && r.nextBoolean();
        boolean phase = r.nextDouble() < phaseProbability;
        double a = (r.nextDouble() * 2 - 1) * Math.PI;
        double b = (r.nextDouble() * 2 - 1) * Math.PI / 2;
        double c = (r.nextDouble() * 2 - 1) * Math.PI / 2;
        if (!fx && !fy && !phase) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        double[] re = new double[w * h];
        double[] im = new double[w * h];
        for (int y = 0; y < h; y++) {
            int sy = fy ? h - 1 - y : y;
            double v = h > 1 ? 2.0 * y / (h - 1) - 1 : 0;
            for (int x = 0; x < w; x++) {
                int sx = fx ? w - 1 - x : x;
                double pr = image.re(sx, sy);
                double pi = image.im(sx, sy);
                int i = y * w + x;
                if (phase) {
                    double u = w > 1 ? 2.0 * x / (w - 1) - 1 : 0;
                    double t = a + b * u + c * v;
                    double cs = Math.cos(t);
                    double sn = Math.sin(t);
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
}
