package org.deepsplines.spline.conformance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.deepsplines.spline.BSplineActivation;
import org.deepsplines.spline.ReluSplineActivation;
import org.deepsplines.spline.SplineBasis;
import org.deepsplines.spline.SplineConfig;

/** kind "relu_spline": the ReLU-basis layer's knots, forward values, gradients and TV2. */
final class ReluSplineVectors {

    private ReluSplineVectors() {}

    static void check(VectorData cfg, VectorData r, DataType type, Tally tally) {
        SplineConfig config = Checks.config(cfg, SplineBasis.RELU);
        long[] shape = cfg.shape("input_shape");
        try (NDManager manager = NDManager.newBaseManager()) {
            ReluSplineActivation block = newBlock(manager, config, type, shape, r);
            tally.compare("grid_used", block.grid(), r.number("grid_used"), 0);
            tally.compare("knot_locations", block.knotLocations(), r.flat("knot_locations"));

            Evaluation e = Evaluation.withGradients(manager, block, type, r.flat("input"), shape,
                    r.flat("upstream_grad"));
            tally.compare("output", e.output, r.flat("output"));
            tally.compare("grad_input", e.gradInput, r.flat("grad_input"));
            tally.compareScaled("grad_relu_slopes", e.gradient(ReluSplineActivation.SLOPES),
                    r.flat("grad_relu_slopes"));
            tally.compareScaled("grad_spline_weight", e.gradient(BSplineActivation.WEIGHT),
                    r.flat("grad_spline_weight"));
            tally.compareScaled("grad_spline_bias", e.gradient(BSplineActivation.BIAS), r.flat("grad_spline_bias"));

            tally.compare("tv2_per_activation", block.tv2PerActivation(), r.flat("tv2_per_activation"));
            try (NDArray tv2 = block.tv2(manager)) {
                tally.compare("tv2_sum", Evaluation.doubles(tv2)[0], r.number("tv2_sum"), tally.atol);
            }
            tally.compare("fzero_fone_abs", Checks.valueAtZeroAndOne(block), r.flat("fzero_fone_abs"));

            ReluSplineActivation fresh = newBlock(manager, config, type, shape, r);
            Map<String, double[]> grads = Evaluation.gradientsOf(fresh, () -> fresh.tv2(manager));
            double[] slopes = r.flat("relu_slopes");
            boolean[] nonZero = new boolean[slopes.length];
            for (int i = 0; i < slopes.length; i++) {
                nonZero[i] = Math.abs(slopes[i]) > 64 * Checks.epsilon(type);
            }
            tally.compare("grad_tv2_sum_wrt_relu_slopes", grads.get(ReluSplineActivation.SLOPES),
                    r.flat("grad_tv2_sum_wrt_relu_slopes"), tally.atol, nonZero);
        }
    }

    private static ReluSplineActivation newBlock(NDManager manager, SplineConfig config, DataType type,
            long[] shape, VectorData r) {
        ReluSplineActivation block = new ReluSplineActivation(config);
        block.initialize(manager, type, new Shape(shape));
        block.setReluSlopes(r.table("relu_slopes"));
        block.setLinearTerm(r.flat("spline_weight"), r.flat("spline_bias"));
        return block;
    }
}
