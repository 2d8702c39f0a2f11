package org.deepsplines.spline.conformance;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.deepsplines.spline.BSplineActivation;
import org.deepsplines.spline.SparsifyResult;
import org.deepsplines.spline.SplineBasis;
import org.deepsplines.spline.SplineConfig;

/** kind "sparsify": knots removed at each threshold, rebuilt coefficients and the resulting outputs. */
final class SparsifyVectors {

    private SparsifyVectors() {}

    static void check(VectorData cfg, VectorData r, DataType type, Tally tally) {
        SplineConfig config = Checks.config(cfg, SplineBasis.BSPLINE);
        long[] shape = cfg.shape("input_shape");
        double[][] before = r.table("coefficients_before");
        double[] input = r.flat("input");
        try (NDManager manager = NDManager.newBaseManager()) {
            BSplineActivation block = new BSplineActivation(config);
            block.initialize(manager, type, new Shape(shape));
            tally.compare("grid_used", block.grid(), r.number("grid_used"), 0);
            block.setCoefficients(before);
            double noise = Checks.slopeNoise(type, before, block.grid());
            tally.compare("relu_slopes_before", Checks.flatten(Checks.slopeChanges(block)),
                    r.flat("relu_slopes_before"), noise, null);
            tally.compare("output_before", Evaluation.forward(manager, block, type, input, shape).output,
                    r.flat("output_before"));

            for (VectorData step : r.list("thresholds")) {
                double threshold = step.number("threshold");
                String at = "threshold " + threshold + " ";
                block.setCoefficients(before);
                SparsifyResult result = block.sparsify(threshold);
                tally.compareExact(at + "num_active_knots_per_activation", result.activeKnots(),
                        step.ints("num_active_knots_per_activation"));
                int[] mask = step.ints("active_knot_mask");
                boolean[][] mine = result.activeKnotMask();
                int[] mineFlat = new int[mask.length];
                int i = 0;
                for (boolean[] row : mine) {
                    for (boolean active : row) {
                        if (i < mineFlat.length) {
                            mineFlat[i] = active ? 1 : 0;
                        }
                        i++;
                    }
                }
                if (i != mask.length) {
                    tally.fail(at + "active_knot_mask has " + mask.length + " entries, the block " + i);
                } else {
                    tally.compareExact(at + "active_knot_mask", mineFlat, mask);
                }
                tally.compare(at + "coefficients_after", Checks.flatten(block.coefficients()),
                        step.flat("coefficients_after"));
                tally.compare(at + "relu_slopes_after", Checks.flatten(Checks.slopeChanges(block)),
                        step.flat("relu_slopes_after"), noise, null);
                tally.compare(at + "output_after", Evaluation.forward(manager, block, type, input, shape).output,
                        step.flat("output_after"));
            }
        }
    }
}
