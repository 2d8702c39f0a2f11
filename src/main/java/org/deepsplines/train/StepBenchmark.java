package org.deepsplines.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkInitializer;

/**
 * Times one training step without the optimiser update (zero-grad + forward + MSE + backward), the
 * figure the deep-spline paper and this project's benchmarks compare across activations.
 */
public final class StepBenchmark {
    private StepBenchmark() {}

    /** Median milliseconds of {@code runs} timed steps after {@code warmup} untimed ones. */
    public static double medianStepMs(DnCnnConfig arch, Shape batch, int runs, int warmup, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block net = DnCnn.build(arch);
            NetworkInitializer.initialize(net, m, DnCnn.initShape(arch, (int) batch.get(2)), seed);
            Engine.getInstance().setRandomSeed((int) seed);
            NDArray x = m.randomUniform(0f, 1f, batch);
            NDArray y = m.randomUniform(0f, 1f, batch);
            ParameterStore store = new ParameterStore(m, false);
            List<NDArray> params = new ArrayList<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    params.add(p.getValue().getArray());
                }
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                try (NDManager step = m.newSubManager()) {
                    for (NDArray p : params) {
                        Gradients.zero(p);
                    }
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        x.tempAttach(step);
                        NDArray pred = net.forward(store, new NDList(x), true).singletonOrThrow();
                        gc.backward(Loss.MSE.compute(pred, y));
                    }
                }
                if (i >= warmup) {
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            Collections.sort(times);
            int n = times.size();
            return n % 2 == 1 ? times.get(n / 2) : 0.5 * (times.get(n / 2 - 1) + times.get(n / 2));
        }
    }
}
