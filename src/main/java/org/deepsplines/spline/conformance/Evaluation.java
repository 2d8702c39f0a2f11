package org.deepsplines.spline.conformance;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;

/** One forward pass of a block, optionally with the backward pass of Σ y·g, read back in double. */
final class Evaluation {

    final double[] output;
    final double[] gradInput;
    private final Map<String, double[]> parameterGradients;

    private Evaluation(double[] output, double[] gradInput, Map<String, double[]> parameterGradients) {
        this.output = output;
        this.gradInput = gradInput;
        this.parameterGradients = parameterGradients;
    }

    /** Gradient of a direct parameter of the evaluated block, by its plain name. */
    double[] gradient(String name) {
        double[] g = parameterGradients.get(name);
        if (g == null) {
            throw new IllegalArgumentException("No gradient for parameter '" + name + "'; have "
                    + parameterGradients.keySet());
        }
        return g;
    }

    boolean hasParameter(String name) {
        return parameterGradients.containsKey(name);
    }

    /** Forward pass only. */
    static Evaluation forward(NDManager manager, Block block, DataType type, double[] input, long[] shape) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = array(sub, input, new Shape(shape), type);
            NDArray y = block.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
            return new Evaluation(doubles(y), null, Map.of());
        }
    }

    /** Forward pass, then backward pass of Σ y·upstream; the block's parameter gradients must start at zero. */
    static Evaluation withGradients(NDManager manager, Block block, DataType type, double[] input, long[] shape,
            double[] upstream) {
        try (NDManager sub = manager.newSubManager()) {
            Shape s = new Shape(shape);
            NDArray x = array(sub, input, s, type);
            NDArray g = array(sub, upstream, s, type);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = block.forward(new ParameterStore(sub, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.mul(g).sum());
            }
            Map<String, double[]> grads = new HashMap<>();
            for (Parameter p : block.getDirectParameters().values()) {
                grads.put(p.getName(), gradientOf(p.getArray()));
            }
            return new Evaluation(doubles(y), gradientOf(x), grads);
        }
    }

    /** Gradient of a differentiable scalar of the block's parameters. */
    static Map<String, double[]> gradientsOf(Block block, java.util.function.Supplier<NDArray> scalar) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            try (NDArray value = scalar.get()) {
                collector.backward(value);
            }
        }
        Map<String, double[]> grads = new HashMap<>();
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            grads.put(p.getValue().getName(), gradientOf(p.getValue().getArray()));
        }
        return grads;
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

    private static double[] gradientOf(NDArray array) {
        try (NDArray grad = array.getGradient()) {
            return doubles(grad);
        }
    }
}
