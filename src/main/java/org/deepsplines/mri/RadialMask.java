package org.deepsplines.mri;

import java.util.Locale;
import java.util.Random;

/**
 * Radial sampling simulated on the Cartesian grid: straight spokes through the k-space centre
 * {@code (floor(W/2), floor(H/2))}, each rasterised to its nearest grid points every half pixel out to the
 * grid border.
 *
 * <p>Angles are either golden-angle ({@code theta_i = theta_0 + i * 180°/phi}, about 111.25° apart,
 * so any prefix of spokes covers k-space almost evenly) or uniform ({@code theta_i = theta_0 + i * 180°/n}).
 * The seed only sets the start angle {@code theta_0}. Unless a spoke count is fixed, the generator picks
 * the number of spokes whose coverage comes closest to the target acceleration; the mask reports the
 * exact acceleration reached, which differs slightly from the target because spokes overlap near the centre.
 */
public final class RadialMask implements MaskGenerator {

    /** How spoke angles are spread. */
    public enum Angles {
        /** Successive spokes 180°/φ (about 111.25°) apart. */
        GOLDEN,
        /** n spokes 180°/n apart. */
        UNIFORM
    }

    private static final double GOLDEN_ANGLE = Math.PI * (Math.sqrt(5) - 1) / 2; // pi / phi

    private final double acceleration;
    private final Angles angles;
    private final int fixedSpokes;

    private RadialMask(double acceleration, Angles angles, int fixedSpokes) {
        this.acceleration = acceleration;
        this.angles = angles;
        this.fixedSpokes = fixedSpokes;
    }

    /** Golden-angle spokes, as many as needed to come closest to acceleration R. */
    public static RadialMask goldenAngle(double acceleration) {
        MaskGenerator.requireAcceleration(acceleration);
        return new RadialMask(acceleration, Angles.GOLDEN, 0);
    }

    /** Uniformly spaced spokes, as many as needed to come closest to acceleration R. */
    public static RadialMask uniform(double acceleration) {
        MaskGenerator.requireAcceleration(acceleration);
        return new RadialMask(acceleration, Angles.UNIFORM, 0);
    }

    /** Exactly {@code spokes} spokes (the acceleration then follows from the coverage). */
    public static RadialMask withSpokes(int spokes, Angles angles) {
        if (spokes < 1) {
            throw new IllegalArgumentException("need at least one spoke, got " + spokes);
        }
        return new RadialMask(Double.NaN, angles, spokes);
    }

    @Override
    public double targetAcceleration() {
        return acceleration;
    }

    /** How spoke angles are spread. */
    public Angles angles() {
        return angles;
    }

    @Override
    public SamplingMask generate(int width, int height, long seed) {
        double start = new Random(seed).nextDouble() * Math.PI;
        int spokes = fixedSpokes > 0 ? fixedSpokes : chooseSpokeCount(width, height, start);
        boolean[] grid = rasterise(width, height, start, spokes);
        SamplingMask probe = SamplingMask.of(width, height, grid, "");
        String what = String.format(Locale.ROOT, "radial %s-angle spokes: %d spokes, %d of %d points; R = %.4f",
                angles == Angles.GOLDEN ? "golden" : "uniform", spokes, probe.sampledCount(), probe.totalCount(),
                probe.acceleration());
        return SamplingMask.of(width, height, grid, what);
    }

    private int chooseSpokeCount(int width, int height, double start) {
        long total = (long) width * height;
        double target = total / acceleration;
        int max = 8 * (width + height);
        // Coverage grows (almost) monotonically with the spoke count: bisect, then check the neighbours.
        int lo = 1;
        int hi = max;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (count(rasterise(width, height, start, mid)) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int best = lo;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int n = Math.max(1, lo - 1); n <= Math.min(max, lo + 1); n++) {
            double r = total / (double) count(rasterise(width, height, start, n));
            double err = Math.abs(r - acceleration);
            if (err < bestErr) {
                bestErr = err;
                best = n;
            }
        }
        return best;
    }

    private boolean[] rasterise(int width, int height, double start, int spokes) {
        boolean[] grid = new boolean[width * height];
        int cx = width / 2;
        int cy = height / 2;
        double reach = Math.hypot(width, height) / 2 + 1;
        int steps = (int) Math.ceil(reach * 2);
        for (int s = 0; s < spokes; s++) {
            double theta = start + s * (angles == Angles.GOLDEN ? GOLDEN_ANGLE : Math.PI / spokes);
            double dx = Math.cos(theta);
            double dy = Math.sin(theta);
            for (int t = -steps; t <= steps; t++) {
                double r = t * 0.5;
                // rint rounds halves to even, so the two halves of a spoke stay mirror images
                int x = cx + (int) Math.rint(r * dx);
                int y = cy + (int) Math.rint(r * dy);
                if (x >= 0 && x < width && y >= 0 && y < height) {
                    grid[y * width + x] = true;
                }
            }
        }
        return grid;
    }

    private static int count(boolean[] grid) {
        int c = 0;
        for (boolean b : grid) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
