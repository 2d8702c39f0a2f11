package org.deepsplines.mri;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Cartesian undersampling: whole k-space lines along the {@link PhaseEncodeAxis}, with a fully
 * sampled block of central lines (around the DC line {@code floor(N/2)}) and outer lines chosen
 * either at random with a variable density or equispaced.
 *
 * <p>The number of acquired lines is {@code round(N / R)} exactly (N lines in all), so the exact
 * acceleration {@code N / round(N / R)} is as close to R as whole lines allow. The centre block has
 * {@code round(N * centerFraction)} lines (at least one when the fraction is positive).
 *
 * <ul>
 *   <li>{@link #random}: outer lines are drawn without replacement with probability proportional to
 *       {@code (1 - d)^p}, {@code d} the distance to the DC line over {@code N/2 + 1}; {@code p = 0}
 *       is uniform (like fastMRI's random masks); the default {@code p = 2} favours low frequencies, which
 *       suits compressed sensing and also lowers the aliasing of the zero-filled image.</li>
 *   <li>{@link #equispaced}: outer lines are evenly spaced through the non-central lines, starting at
 *       a random offset (so the seed still matters).</li>
 * </ul>
 */
public final class CartesianLineMask implements MaskGenerator {

    /** How the outer (non-central) lines are placed. */
    public enum Spacing {
        /** Variable-density random outer lines. */
        RANDOM,
        /** Evenly spaced outer lines. */
        EQUISPACED
    }

    private final double acceleration;
    private final double centerFraction;
    private final PhaseEncodeAxis axis;
    private final Spacing spacing;
    private final double densityPower;

    private CartesianLineMask(double acceleration, double centerFraction, PhaseEncodeAxis axis, Spacing spacing,
            double densityPower) {
        MaskGenerator.requireAcceleration(acceleration);
        MaskGenerator.requireCenterFraction(centerFraction);
        if (!(densityPower >= 0) || Double.isInfinite(densityPower)) {
            throw new IllegalArgumentException("density power must be a finite number >= 0, got " + densityPower);
        }
        this.acceleration = acceleration;
        this.centerFraction = centerFraction;
        this.axis = axis == null ? PhaseEncodeAxis.X : axis;
        this.spacing = spacing;
        this.densityPower = densityPower;
    }

    /** Variable-density random lines at acceleration R, default centre fraction, phase encoding along x. */
    public static CartesianLineMask random(double acceleration) {
        return new CartesianLineMask(acceleration, MaskGenerator.defaultCenterFraction(acceleration),
                PhaseEncodeAxis.X, Spacing.RANDOM, 2.0);
    }

    /** Equispaced lines at acceleration R, default centre fraction, phase encoding along x. */
    public static CartesianLineMask equispaced(double acceleration) {
        return new CartesianLineMask(acceleration, MaskGenerator.defaultCenterFraction(acceleration),
                PhaseEncodeAxis.X, Spacing.EQUISPACED, 0.0);
    }

    /** Same generator with another fully sampled central fraction of the lines, in [0, 1). */
    public CartesianLineMask withCenterFraction(double fraction) {
        return new CartesianLineMask(acceleration, fraction, axis, spacing, densityPower);
    }

    /** Same generator with another phase-encode axis. */
    public CartesianLineMask withAxis(PhaseEncodeAxis phaseEncodeAxis) {
        return new CartesianLineMask(acceleration, centerFraction, phaseEncodeAxis, spacing, densityPower);
    }

    /** Same generator with another density exponent {@code p >= 0} (random spacing only). */
    public CartesianLineMask withDensityPower(double power) {
        return new CartesianLineMask(acceleration, centerFraction, axis, spacing, power);
    }

    @Override
    public double targetAcceleration() {
        return acceleration;
    }

    /** Fully sampled central fraction of the lines. */
    public double centerFraction() {
        return centerFraction;
    }

    /** Phase-encode axis (the axis whose lines are undersampled). */
    public PhaseEncodeAxis axis() {
        return axis;
    }

    /** How outer lines are placed. */
    public Spacing spacing() {
        return spacing;
    }

    /**
     * Which of the {@code lineCount} phase-encode lines are acquired.
     *
     * @throws IllegalArgumentException when the centre alone exceeds the line budget, or when the
     *     acceleration is so close to 1 that every line would be acquired
     */
    public boolean[] selectLines(int lineCount, long seed) {
        if (lineCount < 2) {
            throw new IllegalArgumentException("need at least 2 phase-encode lines to undersample, got " + lineCount);
        }
        int budget = Math.max(1, (int) Math.round(lineCount / acceleration));
        if (budget >= lineCount) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "acceleration %.4g samples every one of the %d lines; use a larger acceleration", acceleration,
                    lineCount));
        }
        int centre = centerFraction == 0 ? 0 : Math.max(1, (int) Math.round(lineCount * centerFraction));
        if (centre > budget) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "centre fraction %.4g keeps %d of %d lines fully sampled, more than the %d lines that"
                            + " acceleration %.4g allows; use a centre fraction of at most %.4g",
                    centerFraction, centre, lineCount, budget, acceleration, 1 / acceleration));
        }
        boolean[] lines = new boolean[lineCount];
        int dc = lineCount / 2;
        int first = dc - centre / 2;
        for (int i = 0; i < centre; i++) {
            lines[first + i] = true;
        }
        List<Integer> outer = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            if (!lines[i]) {
                outer.add(i);
            }
        }
        int extra = budget - centre;
        Random random = new Random(seed);
        if (extra > 0) {
            if (spacing == Spacing.EQUISPACED) {
                double step = (double) outer.size() / extra;
                double offset = random.nextDouble() * step;
                for (int i = 0; i < extra; i++) {
                    int pos = Math.min(outer.size() - 1, (int) Math.floor(offset + i * step));
                    lines[outer.get(pos)] = true;
                }
            } else {
                double[] weights = new double[outer.size()];
                double halfSpan = lineCount / 2 + 1.0;
                for (int i = 0; i < weights.length; i++) {
                    double d = Math.abs(outer.get(i) - dc) / halfSpan;
                    weights[i] = Math.pow(1 - d, densityPower);
                }
                for (int pos : WeightedDraw.choose(weights, extra, random)) {
                    lines[outer.get(pos)] = true;
                }
            }
        }
        return lines;
    }

    @Override
    public SamplingMask generate(int width, int height, long seed) {
        int n = axis.lineCount(width, height);
        boolean[] lines = selectLines(n, seed);
        boolean[] grid = new boolean[Math.multiplyExact(width, height)];
        int acquired = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                grid[y * width + x] = lines[axis == PhaseEncodeAxis.X ? x : y];
            }
        }
        for (boolean b : lines) {
            if (b) {
                acquired++;
            }
        }
        int centre = centerFraction == 0 ? 0 : Math.max(1, (int) Math.round(n * centerFraction));
        String what = String.format(Locale.ROOT,
                "cartesian %s lines (phase encoding along %s): %d of %d %s, %d central; R = %.4f",
                spacing == Spacing.RANDOM ? "random" : "equispaced", axis.name().toLowerCase(Locale.ROOT),
                acquired, n, axis.lineName(), centre, (double) n / acquired);
        return SamplingMask.of(width, height, grid, what);
    }
}
