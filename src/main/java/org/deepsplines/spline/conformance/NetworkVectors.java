package org.deepsplines.spline.conformance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.deepsplines.spline.BSplineActivation;
import org.deepsplines.spline.LearnedActivation;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineNetworks;

/**
 * kind "network": the reference's small test net Linear(2→4, no bias) → spline(4) → Linear(4→3) →
 * spline(3) → Linear(3→1), built from DJL {@link Linear} blocks with the file's parameters: output,
 * Lipschitz bound, total TV2 and BV2.
 */
final class NetworkVectors {

    private NetworkVectors() {}

    static void check(VectorData cfg, VectorData r, DataType type, Tally tally) {
        int size = (int) cfg.number("size");
        VectorData params = r.object("parameters");
        double[] input = r.flat("input");
        long batch = (long) cfg.number("batch");
        try (NDManager manager = NDManager.newBaseManager()) {
            SplineConfig.Builder spline = SplineConfig.builder().size(size).range(cfg.number("range_"))
                    .mode(org.deepsplines.spline.ActivationMode.UNIT);
            SequentialBlock net = new SequentialBlock()
                    .add(Linear.builder().setUnits(4).optBias(false).build())
                    .add(new BSplineActivation(spline.numActivations(4).build()))
                    .add(Linear.builder().setUnits(3).build())
                    .add(new BSplineActivation(spline.numActivations(3).build()))
                    .add(Linear.builder().setUnits(1).build());
            net.initialize(manager, type, new Shape(batch, 2));
            List<Block> layers = net.getChildren().values();
            set(layers.get(0), "weight", params.flat("fc1.weight"));
            ((BSplineActivation) layers.get(1)).setCoefficients(rows(params.flat("ds1._coefficients_vect"), 4, size));
            set(layers.get(2), "weight", params.flat("fc2.weight"));
            set(layers.get(2), "bias", params.flat("fc2.bias"));
            ((BSplineActivation) layers.get(3)).setCoefficients(rows(params.flat("ds2._coefficients_vect"), 3, size));
            set(layers.get(4), "weight", params.flat("fc3.weight"));
            set(layers.get(4), "bias", params.flat("fc3.bias"));

            tally.compare("grid_used", ((LearnedActivation) layers.get(1)).grid(), r.number("grid_used"), 0);
            tally.compare("output", Evaluation.forward(manager, net, type, input, new long[] {batch, 2}).output,
                    r.flat("output"));

            double noise = 0;
            double relativeNoise = 0;
            double tv2 = 0;
            double bv2 = 0;
            for (LearnedActivation layer : SplineNetworks.find(net)) {
                double layerNoise = Checks.slopeNoise(type, layer.coefficients(), layer.grid())
                        * (size - 2) * layer.config().numActivations();
                double layerBv2 = Checks.sum(layer.bv2PerActivation());
                noise += layerNoise;
                relativeNoise += layerNoise / layerBv2;
                tv2 += Checks.sum(layer.tv2PerActivation());
                bv2 += layerBv2;
            }
            try (NDArray total = SplineNetworks.totalTv2(net, manager)) {
                tally.compare("TV2 (differentiable)", Evaluation.doubles(total)[0], r.number("TV2"), noise);
            }
            tally.compare("TV2", tv2, r.number("TV2"), noise);
            tally.compare("BV2", bv2, r.number("BV2"), noise + tally.atol);
            double bound = r.number("lipschitz_bound");
            // The bound multiplies the layers' BV2 sums, so their relative rounding noise adds up.
            tally.compare("lipschitz_bound", SplineNetworks.lipschitzBound(net), bound,
                    Math.abs(bound) * relativeNoise + tally.atol);
        }
    }

    private static void set(Block block, String name, double[] values) {
        Parameter p = block.getParameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException("Block " + block + " has no parameter " + name);
        }
        NDArray array = p.getArray();
        if (array.size() != values.length) {
            throw new IllegalArgumentException("Parameter " + name + " has " + array.size() + " values, the file "
                    + values.length);
        }
        if (array.getDataType() == DataType.FLOAT64) {
            array.set(values);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            array.set(f);
        }
    }

    private static double[][] rows(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
