package org.deepsplines.spline;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Times one activation layer on a float32 (16, 64, 64, 64) input, the reference's benchmark setting:
 * ReLU versus a 64-channel B-spline layer (S = 51, range 4, leaky-ReLU init). A run is the forward pass,
 * Σ y·g with a fixed upstream gradient g, and the backward pass; gradients are zeroed before each run
 * (outside the timed part). Reports medians in milliseconds.
 */
public final class ActivationBenchmark {

    /** Input shape (N, C, H, W). */
    public static final Shape INPUT_SHAPE = new Shape(16, 64, 64, 64);

    private ActivationBenchmark() {}

    /** Medians in milliseconds. */
    public static final class Result {
        /** ReLU forward + backward. */
        public final double reluMs;
        /** B-spline layer forward + backward. */
        public final double splineMs;
        /** B-spline layer forward only (no gradient recording). */
        public final double splineForwardMs;

        Result(double reluMs, double splineMs, double splineForwardMs) {
            this.reluMs = reluMs;
            this.splineMs = splineMs;
            this.splineForwardMs = splineForwardMs;
        }
    }

    /**
     * Runs the benchmark in the current engine configuration (set the thread count beforehand).
     *
     * @param runs timed runs per measurement (at least 1)
     * @param warmup untimed runs before them (at least 0)
     * @throws IllegalArgumentException for invalid counts
     */
    public static Result run(int runs, int warmup) {
        if (runs < 1) {
            throw new IllegalArgumentException("Number of timed runs must be at least 1, got " + runs);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("Number of warm-up runs must be at least 0, got " + warmup);
        }
        SplineConfig config = SplineConfig.builder().size(51).range(4).numActivations((int) INPUT_SHAPE.get(1))
                .init(SplineInit.LEAKY_RELU).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1234);
            double range = config.halfSize() * config.grid();
            NDArray x = manager.randomNormal(0, (float) (1.2 * range), INPUT_SHAPE, DataType.FLOAT32);
            NDArray g = manager.randomNormal(0, 1, INPUT_SHAPE, DataType.FLOAT32);
            x.setRequiresGradient(true);
            BSplineActivation spline = new BSplineActivation(config);
            spline.initialize(manager, DataType.FLOAT32, INPUT_SHAPE);
            NDArray coefficients = spline.getParameters().get(BSplineActivation.COEFFICIENTS).getArray();
            ParameterStore store = new ParameterStore(manager, false);

            double relu = median(runs, warmup, () -> backwardRun(manager, x, g, Activation::relu, x, null));
            double full = median(runs, warmup, () -> backwardRun(manager, x, g,
                    in -> spline.forward(store, new NDList(in), true).singletonOrThrow(), x, coefficients));
            double forward = median(runs, warmup, () -> forwardRun(manager, x, spline, store));
            return new Result(relu, full, forward);
        }
    }

    /** One forward + backward run; returns its duration in ms. */
    private static double backwardRun(NDManager manager, NDArray x, NDArray g, Function<NDArray, NDArray> layer,
            NDArray input, NDArray parameter) {
        zeroGradient(input);
        if (parameter != null) {
            zeroGradient(parameter);
        }
        try (NDManager sub = manager.newSubManager()) {
            // Results of ops on x land in x's manager; borrow x and g so they land in sub instead.
            sub.tempAttachAll(x, g);
            long start = System.nanoTime();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = layer.apply(x);
                collector.backward(y.mul(g).sum());
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double forwardRun(NDManager manager, NDArray x, BSplineActivation spline, ParameterStore store) {
        try (NDManager sub = manager.newSubManager()) {
            sub.tempAttachAll(x);
            long start = System.nanoTime();
            spline.forward(store, new NDList(x), false).singletonOrThrow();
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static void zeroGradient(NDArray array) {
        if (!array.hasGradient()) {
            return;
        }
        try (NDArray grad = array.getGradient()) {
            grad.muli(0);
        }
    }

    private static double median(int runs, int warmup, java.util.function.DoubleSupplier run) {
        for (int i = 0; i < warmup; i++) {
            run.getAsDouble();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = run.getAsDouble();
        }
        Arrays.sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }
}
