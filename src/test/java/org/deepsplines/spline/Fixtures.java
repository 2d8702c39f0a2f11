package org.deepsplines.spline;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/** Small utilities shared by the spline tests. */
final class Fixtures {

    private Fixtures() {}

    static SplineConfig.Builder config(int size, double grid, int activations) {
        return SplineConfig.builder().size(size).grid(grid).numActivations(activations);
    }

    static <B extends Block> B initialized(NDManager manager, B block, DataType type, Shape shape) {
        block.initialize(manager, type, shape);
        return block;
    }

    static NDArray array(NDManager manager, double[] values, Shape shape, DataType type) {
        if (type == DataType.FLOAT64) {
            return manager.create(values, shape);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return manager.create(f, shape);
    }

    static double[] doubles(NDArray array) {
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        try (NDArray d = array.toType(DataType.FLOAT64, false)) {
            return d.toDoubleArray();
        }
    }

    /** Forward pass without gradients. */
    static double[] forward(NDManager manager, Block block, double[] x, Shape shape, DataType type) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = array(sub, x, shape, type);
            return doubles(block.forward(new ParameterStore(sub, false), new NDList(in), false).singletonOrThrow());
        }
    }

    /** Result of a forward + backward pass of Σ y·g. */
    static final class Pass {
        double[] output;
        double[] gradInput;
    }

    /** Forward + backward of Σ y·g; parameter gradients are left on the parameters. */
    static Pass backward(NDManager manager, Block block, double[] x, double[] g, Shape shape, DataType type) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = array(sub, x, shape, type);
            NDArray up = array(sub, g, shape, type);
            in.setRequiresGradient(true);
            Pass pass = new Pass();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(new ParameterStore(sub, false), new NDList(in), true).singletonOrThrow();
                collector.backward(y.mul(up).sum());
                pass.output = doubles(y);
            }
            pass.gradInput = doubles(in.getGradient());
            return pass;
        }
    }

    static double[] gradient(Block block, String parameter) {
        try (NDArray grad = block.getParameters().get(parameter).getArray().getGradient()) {
            return doubles(grad);
        }
    }

    static void zeroGradients(Block block) {
        block.getParameters().values().forEach(p -> {
            if (p.getArray().hasGradient()) {
                try (NDArray grad = p.getArray().getGradient()) {
                    grad.muli(0);
                }
            }
        });
    }

    static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        return v;
    }
}
