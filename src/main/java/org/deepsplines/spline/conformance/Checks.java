package org.deepsplines.spline.conformance;

import ai.djl.ndarray.types.DataType;
import org.deepsplines.spline.ActivationMode;
import org.deepsplines.spline.LearnedActivation;
import org.deepsplines.spline.SplineBasis;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;

/** Code shared by the per-kind checks: configuration from a file, rounding-noise levels. */
final class Checks {

    private Checks() {}

    /** The layer configuration a vector file describes (init only matters for the init check). */
    static SplineConfig config(VectorData cfg, SplineBasis basis) {
        SplineConfig.Builder b = SplineConfig.builder().size((int) cfg.number("size"))
                .numActivations((int) cfg.number("num_activations"))
                .mode(ActivationMode.parse(cfg.has("mode") ? cfg.text("mode") : "conv"))
                .basis(basis);
        if (cfg.has("grid")) {
            b.grid(cfg.number("grid"));
        }
        if (cfg.has("range_")) {
            b.range(cfg.number("range_"));
        }
        if (cfg.has("init")) {
            b.init(SplineInit.parse(cfg.text("init")));
        }
        boolean explicit = cfg.has("module") && cfg.text("module").equals("DeepBSplineExplicitLinear");
        if (explicit) {
            b.explicitLinear(true).learnableBias(cfg.has("bias") && cfg.flag("bias"));
        }
        return b.build();
    }

    static double epsilon(DataType type) {
        return type == DataType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
    }

    /**
     * Rounding noise of one slope change (c_k − 2c_{k+1} + c_{k+2}) / T computed in the working
     * precision: a few ulps of the largest coefficient, divided by T.
     */
    static double slopeNoise(DataType type, double[][] coefficients, double grid) {
        double max = 0;
        for (double[] row : coefficients) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return 8 * epsilon(type) * (1 + max) / grid;
    }

    /** Slope changes a_k (k = 0..S−3) of every activation, linear term included, from the block. */
    static double[][] slopeChanges(LearnedActivation layer) {
        int n = layer.config().numActivations();
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] all = layer.knotTable(i).slopeChanges();
            a[i] = java.util.Arrays.copyOfRange(all, 1, all.length - 1);
        }
        return a;
    }

    /** |f(0)| + |f(1)| of every activation. */
    static double[] valueAtZeroAndOne(LearnedActivation layer) {
        int n = layer.config().numActivations();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            var table = layer.knotTable(i);
            v[i] = Math.abs(table.valueAt(0)) + Math.abs(table.valueAt(1));
        }
        return v;
    }

    static double[] flatten(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
