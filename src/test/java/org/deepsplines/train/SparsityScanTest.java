package org.deepsplines.train;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.spline.LearnedActivation;
import org.deepsplines.spline.SplineNetworks;
import org.deepsplines.train.metrics.Psnr;
import org.junit.jupiter.api.Test;

class SparsityScanTest {
    @Test
    void keepsLargestThresholdWithinToleranceAndPrunesKnots() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block net = DnCnn.build(TrainerTest.tinySpline());
            NetworkInitializer.initialize(net, m, DnCnn.initShape(TrainerTest.tinySpline(), 16), 4);
            // Perturb the splines so that they have many small and a few large slope changes.
            java.util.Random r = new java.util.Random(1);
            for (LearnedActivation a : SplineNetworks.find(net)) {
                double[][] c = a.coefficients();
                for (double[] row : c) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] += 1e-3 * r.nextGaussian();
                    }
                }
                a.setCoefficients(c);
            }
            Batch val = TrainerTest.source(4).batch(1, m);
            float[] target = val.target().toFloatArray();
            java.util.function.DoubleSupplier score = () -> {
                try (NDManager s = m.newSubManager()) {
                    NDArray out = net.forward(new ParameterStore(s, false), new NDList(val.input()), false).singletonOrThrow();
                    return Psnr.compute(target, out.toFloatArray(), 1.0);
                }
            };
            SparsityScan.Result res = SparsityScan.run(net, score, 0.05);
            assertTrue(res.scoreBefore() - res.scoreAfter() <= 0.05 + 1e-9, res.describe());
            assertTrue(res.threshold() >= 3e-3, "the 1e-3 noise knots should go: " + res.describe());
            assertTrue(res.activeKnots()[0] < res.activeKnotsBefore()[0], res.describe());
            assertEquals(res.scoreAfter(), score.getAsDouble(), 1e-9, "network is left at the chosen threshold");
        }
    }
}
