package org.deepsplines.spline;

import java.util.Random;

/**
 * Initial parameters of a layer, computed in double from a {@link SplineConfig}: the samples of the
 * initial function on the knot grid, split into spline coefficients and an optional linear term the way
 * the reference does for explicit-linear layers.
 */
final class InitialSpline {

    private static final double LEAKY_SLOPE = 0.01;
    private static final double SOFT_THRESHOLD = 0.5;
    private static final double LINEAR_PERTURB_SIGMA = 0.3;

    /** Spline coefficients (A × S). */
    final double[][] coefficients;
    /** Linear slope b1 per activation (zeros when there is no linear term). */
    final double[] linearSlope;
    /** Linear offset b0 per activation (zeros when there is none). */
    final double[] linearOffset;

    private InitialSpline(double[][] coefficients, double[] linearSlope, double[] linearOffset) {
        this.coefficients = coefficients;
        this.linearSlope = linearSlope;
        this.linearOffset = linearOffset;
    }

    /**
     * Knot positions in the working precision: with float32 the grid and each product are rounded to
     * float, as a float32 reference computes them.
     */
    static double[] workingKnots(int size, double grid, boolean float32) {
        if (!float32) {
            return SplineMath.knots(size, grid);
        }
        float g = (float) grid;
        int half = size / 2;
        double[] t = new double[size];
        for (int i = 0; i < size; i++) {
            t[i] = (float) (i - half) * g;
        }
        return t;
    }

    /**
     * Parameters of a B-spline layer. Without explicit linear term the coefficients are the initial
     * function's samples. With it, the linear part moves into b1 (and b0 when learnable).
     */
    static InitialSpline bspline(SplineConfig cfg, boolean float32) {
        double[] t = workingKnots(cfg.size(), cfg.grid(), float32);
        int n = cfg.numActivations();
        double[][] c = new double[n][cfg.size()];
        double[] b1 = new double[n];
        double[] b0 = new double[n];
        for (int a = 0; a < n; a++) {
            boolean firstHalf = a < n / 2;
            for (int i = 0; i < t.length; i++) {
                c[a][i] = target(cfg.init(), firstHalf, t[i]);
            }
            if (cfg.explicitLinear()) {
                double slope = linearPart(cfg.init(), firstHalf);
                // Reference convention: the soft-threshold half gets b0 = 0.5 (only when b0 exists).
                double offset = cfg.init() == SplineInit.EVEN_ODD && !firstHalf ? SOFT_THRESHOLD : 0;
                double b0Part = cfg.learnableBias() ? offset : 0;
                for (int i = 0; i < t.length; i++) {
                    c[a][i] -= slope * t[i] + b0Part;
                }
                b1[a] = slope;
                b0[a] = b0Part;
            }
        }
        if (cfg.init() == SplineInit.RANDOM) {
            perturb(c, cfg.perturbSigma(), cfg.seed());
            if (cfg.explicitLinear()) {
                perturb(b1, LINEAR_PERTURB_SIGMA, cfg.seed() + 1);
                if (cfg.learnableBias()) {
                    perturb(b0, LINEAR_PERTURB_SIGMA, cfg.seed() + 2);
                }
            }
        }
        return new InitialSpline(c, b1, b0);
    }

    /**
     * Parameters of a ReLU-basis layer as B-spline coefficients of the whole function (A × S); the
     * caller converts them to slope changes, b1 and b0. {@link SplineInit#RANDOM} perturbs those three,
     * so it is applied by the caller through {@link #perturb}.
     */
    static double[][] fullSamples(SplineConfig cfg, boolean float32) {
        double[] t = workingKnots(cfg.size(), cfg.grid(), float32);
        int n = cfg.numActivations();
        double[][] c = new double[n][cfg.size()];
        for (int a = 0; a < n; a++) {
            for (int i = 0; i < t.length; i++) {
                c[a][i] = target(cfg.init(), a < n / 2, t[i]);
            }
        }
        return c;
    }

    /** The initial function at x; RANDOM starts from leaky ReLU. */
    private static double target(SplineInit init, boolean firstHalf, double x) {
        switch (init) {
            case RELU:
                return Math.max(0, x);
            case IDENTITY:
                return x;
            case EVEN_ODD:
                return firstHalf ? Math.abs(x) : Math.signum(x) * Math.max(Math.abs(x) - SOFT_THRESHOLD, 0);
            case LEAKY_RELU:
            case RANDOM:
            default:
                return x >= 0 ? x : LEAKY_SLOPE * x;
        }
    }

    /** Slope moved into b1 for explicit-linear layers (reference convention). */
    private static double linearPart(SplineInit init, boolean firstHalf) {
        switch (init) {
            case IDENTITY:
                return 1;
            case EVEN_ODD:
                return firstHalf ? -1 : 1;
            case LEAKY_RELU:
            case RANDOM:
                return LEAKY_SLOPE;
            case RELU:
            default:
                return 0;
        }
    }

    /** Adds sigma·N(0, 1) from a generator seeded with {@code seed}, row by row. */
    static void perturb(double[][] values, double sigma, long seed) {
        Random random = new Random(seed);
        for (double[] row : values) {
            for (int i = 0; i < row.length; i++) {
                row[i] += sigma * random.nextGaussian();
            }
        }
    }

    /** Adds sigma·N(0, 1) from a generator seeded with {@code seed}. */
    static void perturb(double[] values, double sigma, long seed) {
        perturb(new double[][] {values}, sigma, seed);
    }
}
