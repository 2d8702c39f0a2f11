package org.deepsplines.mri;

import java.util.Locale;
import java.util.Random;

/**
 * 2D variable-density random sampling of individual k-space points (as for 3D Cartesian acquisitions
 * undersampled in both phase-encode directions).
 *
 * <p>With the normalised elliptic radius {@code r = sqrt(((x - cx) / (W/2))^2 + ((y - cy) / (H/2))^2)}
 * (0 at DC, 1 at the middle of each edge, sqrt 2 at the corners), every point with
 * {@code r <= centerFraction} is acquired (an ellipse spanning that fraction of each axis), and the rest
 * are drawn without replacement with probability proportional to the polynomial density
 * {@code (1 - r / sqrt 2)^p}. Exactly {@code round(W H / R)} points are acquired.
 */
public final class RandomPointsMask implements MaskGenerator {
    private final double acceleration;
    private final double centerFraction;
    private final double densityPower;

    private RandomPointsMask(double acceleration, double centerFraction, double densityPower) {
        MaskGenerator.requireAcceleration(acceleration);
        MaskGenerator.requireCenterFraction(centerFraction);
        if (!(densityPower >= 0) || Double.isInfinite(densityPower)) {
            throw new IllegalArgumentException("density power must be a finite number >= 0, got " + densityPower);
        }
        this.acceleration = acceleration;
        this.centerFraction = centerFraction;
        this.densityPower = densityPower;
    }

    /** Points at acceleration R with the default centre fraction and density power 2. */
    public static RandomPointsMask of(double acceleration) {
        return new RandomPointsMask(acceleration, MaskGenerator.defaultCenterFraction(acceleration), 2.0);
    }

    /** Same generator with another fully sampled central ellipse (fraction of each axis), in [0, 1). */
    public RandomPointsMask withCenterFraction(double fraction) {
        return new RandomPointsMask(acceleration, fraction, densityPower);
    }

    /** Same generator with another density exponent {@code p >= 0} (0 is uniform). */
    public RandomPointsMask withDensityPower(double power) {
        return new RandomPointsMask(acceleration, centerFraction, power);
    }

    @Override
    public double targetAcceleration() {
        return acceleration;
    }

    /** Fraction of each axis spanned by the fully sampled central ellipse. */
    public double centerFraction() {
        return centerFraction;
    }

    @Override
    public SamplingMask generate(int width, int height, long seed) {
        int total = Math.multiplyExact(width, height);
        int budget = Math.max(1, (int) Math.round(total / acceleration));
        if (budget >= total) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "acceleration %.4g samples all %d points of a %dx%d k-space; use a larger acceleration",
                    acceleration, total, width, height));
        }
        int cx = width / 2;
        int cy = height / 2;
        double hx = Math.max(width / 2.0, 0.5);
        double hy = Math.max(height / 2.0, 0.5);
        boolean[] grid = new boolean[total];
        double[] radius = new double[total];
        int centre = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int k = y * width + x;
                radius[k] = Math.hypot((x - cx) / hx, (y - cy) / hy);
                if (radius[k] <= centerFraction || (x == cx && y == cy)) {
                    grid[k] = true;
                    centre++;
                }
            }
        }
        if (centre > budget) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "centre fraction %.4g keeps %d points fully sampled, more than the %d that acceleration %.4g"
                            + " allows; use a smaller centre fraction", centerFraction, centre, budget, acceleration));
        }
        int[] outer = new int[total - centre];
        double[] weights = new double[outer.length];
        double rmax = Math.sqrt(2) * (1 + 1e-9);
        for (int k = 0, j = 0; k < total; k++) {
            if (!grid[k]) {
                outer[j] = k;
                weights[j] = Math.max(1e-12, Math.pow(1 - radius[k] / rmax, densityPower));
                j++;
            }
        }
        for (int pos : WeightedDraw.choose(weights, budget - centre, new Random(seed))) {
            grid[outer[pos]] = true;
        }
        String what = String.format(Locale.ROOT,
                "2D variable-density random points (density power %.3g): %d of %d points, %d central; R = %.4f",
                densityPower, budget, total, centre, (double) total / budget);
        return SamplingMask.of(width, height, grid, what);
    }
}
