package org.deepsplines.spline.conformance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.deepsplines.spline.BSplineActivation;
import org.deepsplines.spline.SplineBasis;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;

/**
 * kind "bspline": forward values, input and parameter gradients, slope changes, TV2 and its gradient,
 * BV2 and the initialisation, for plain and explicit-linear B-spline layers.
 */
final class BSplineVectors {

    private BSplineVectors() {}

    static void check(VectorData cfg, VectorData r, DataType type, Tally tally) {
        SplineConfig config = Checks.config(cfg, SplineBasis.BSPLINE);
        long[] shape = cfg.shape("input_shape");
        double[][] coefficients = r.table("coefficients");
        try (NDManager manager = NDManager.newBaseManager()) {
            BSplineActivation block = newBlock(manager, config, type, shape);
            tally.compare("grid_used", block.grid(), r.number("grid_used"), 0);
            if (config.init() != SplineInit.RANDOM) {
                checkInit(block, r, tally);
            }
            load(block, r);

            Evaluation e = Evaluation.withGradients(manager, block, type, r.flat("input"), shape,
                    r.flat("upstream_grad"));
            tally.compare("output", e.output, r.flat("output"));
            double[] knot = r.flat("x_at_interior_knot");
            boolean[] unambiguous = new boolean[knot.length];
            for (int i = 0; i < knot.length; i++) {
                unambiguous[i] = knot[i] == 0;
            }
            tally.compare("grad_input", e.gradInput, r.flat("grad_input"), tally.atol, unambiguous);
            tally.compareScaled("grad_coefficients", e.gradient(BSplineActivation.COEFFICIENTS),
                    r.flat("grad_coefficients"));
            if (config.explicitLinear()) {
                tally.compareScaled("grad_spline_weight", e.gradient(BSplineActivation.WEIGHT),
                        r.flat("grad_spline_weight"));
                if (r.has("grad_spline_bias")) {
                    tally.compareScaled("grad_spline_bias", e.gradient(BSplineActivation.BIAS),
                            r.flat("grad_spline_bias"));
                } else if (e.hasParameter(BSplineActivation.BIAS)) {
                    tally.fail("has a learnable spline_bias where the reference has none");
                }
            }

            double grid = block.grid();
            double noise = Checks.slopeNoise(type, coefficients, grid);
            int knots = config.size() - 2;
            tally.compare("relu_slopes", Checks.flatten(Checks.slopeChanges(block)), r.flat("relu_slopes"), noise,
                    null);
            tally.compare("tv2_per_activation", block.tv2PerActivation(), r.flat("tv2_per_activation"),
                    knots * noise, null);
            double allNoise = knots * noise * config.numActivations();
            try (NDArray tv2 = block.tv2(manager)) {
                tally.compare("tv2_sum", Evaluation.doubles(tv2)[0], r.number("tv2_sum"), allNoise);
            }
            tally.compare("fzero_fone_abs", Checks.valueAtZeroAndOne(block), r.flat("fzero_fone_abs"));
            double[] bv2 = block.bv2PerActivation();
            tally.compare("bv2_per_activation", bv2, r.flat("bv2_per_activation"), knots * noise + tally.atol, null);
            tally.compare("bv2_sum", Checks.sum(bv2), r.number("bv2_sum"), allNoise + tally.atol);

            checkTv2Gradient(manager, config, type, shape, r, tally);
        }
    }

    private static BSplineActivation newBlock(NDManager manager, SplineConfig config, DataType type, long[] shape) {
        BSplineActivation block = new BSplineActivation(config);
        block.initialize(manager, type, new Shape(shape));
        return block;
    }

    private static void load(BSplineActivation block, VectorData r) {
        block.setCoefficients(r.table("coefficients"));
        if (block.config().explicitLinear()) {
            block.setLinearTerm(r.flat("spline_weight"), r.flat("spline_bias"));
        }
    }

    /** The block's own initialisation must reproduce the reference's initial parameters. */
    private static void checkInit(BSplineActivation block, VectorData r, Tally tally) {
        tally.compare("init coefficients", Checks.flatten(block.coefficients()), r.flat("coefficients"));
        if (block.config().explicitLinear()) {
            tally.compare("init spline_weight", block.linearSlopes(), r.flat("spline_weight"));
            tally.compare("init spline_bias", block.linearOffsets(), r.flat("spline_bias"));
        }
    }

    /**
     * d(tv2_sum)/dc, compared only at coefficients whose neighbouring slope changes are clearly non-zero:
     * the sign of a rounding-noise slope is arbitrary.
     */
    private static void checkTv2Gradient(NDManager manager, SplineConfig config, DataType type, long[] shape,
            VectorData r, Tally tally) {
        BSplineActivation block = newBlock(manager, config, type, shape);
        load(block, r);
        Map<String, double[]> grads = Evaluation.gradientsOf(block, () -> block.tv2(manager));
        double[][] slopes = r.table("relu_slopes");
        double zero = r.has("relu_slope_zero_tolerance_used_by_checker")
                ? r.number("relu_slope_zero_tolerance_used_by_checker")
                : 64 * Checks.epsilon(type) / block.grid();
        int size = config.size();
        boolean[] include = new boolean[config.numActivations() * size];
        for (int a = 0; a < config.numActivations(); a++) {
            for (int i = 0; i < size; i++) {
                boolean clear = true;
                for (int k = i - 2; k <= i; k++) {
                    if (k >= 0 && k < size - 2 && Math.abs(slopes[a][k]) <= zero) {
                        clear = false;
                    }
                }
                include[a * size + i] = clear;
            }
        }
        tally.compare("grad_tv2_sum_wrt_coefficients", grads.get(BSplineActivation.COEFFICIENTS),
                r.flat("grad_tv2_sum_wrt_coefficients"), tally.atol, include);
        if (config.explicitLinear() && r.has("grad_tv2_sum_wrt_spline_weight")) {
            tally.compare("grad_tv2_sum_wrt_spline_weight", grads.get(BSplineActivation.WEIGHT),
                    r.flat("grad_tv2_sum_wrt_spline_weight"));
        }
    }
}
