package org.deepsplines.train;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deepsplines.nn.ActivationKind;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final int P = 16;

    static DnCnnConfig tinySpline() {
        return DnCnnConfig.builder().depth(3).width(4)
                .activation(ActivationSpec.spline(SplineConfig.builder().size(11).range(2).numActivations(1)
                        .init(SplineInit.LEAKY_RELU).build()))
                .build();
    }

    /** Smooth random images plus noise; depends only on the step. */
    static BatchSource source(int batch) {
        return (step, m) -> {
            SplittableRandom r = new SplittableRandom(1000 + step);
            float[] clean = new float[batch * P * P];
            float[] noisy = new float[clean.length];
            for (int n = 0; n < batch; n++) {
                double a = r.nextDouble(), fx = r.nextDouble() * 0.3, fy = r.nextDouble() * 0.3;
                for (int y = 0; y < P; y++) {
                    for (int x = 0; x < P; x++) {
                        int i = (n * P + y) * P + x;
                        clean[i] = (float) (0.5 + 0.4 * a * Math.sin(fx * x + fy * y));
                        noisy[i] = clean[i] + (float) (0.1 * r.nextGaussian());
                    }
                }
            }
            Shape s = new Shape(batch, 1, P, P);
            return new Batch(m.create(noisy, s), m.create(clean, s));
        };
    }

    static float[] weights(Block b) {
        List<Float> all = new ArrayList<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
            for (float f : p.getValue().getArray().toFloatArray()) {
                all.add(f);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    static float[] run(TrainingConfig cfg, Path checkpoint, long stopAfter, Checkpoint resume) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block net = DnCnn.build(tinySpline());
            NetworkInitializer.initialize(net, m, DnCnn.initShape(tinySpline(), P), cfg.seed());
            Trainer t = new Trainer(net, m, cfg);
            if (checkpoint != null) {
                t.checkpoint(checkpoint, tinySpline().toJson());
            }
            if (resume != null) {
                t.resumeFrom(resume);
            }
            TrainingControl control = new TrainingControl();
            t.control(control);
            if (stopAfter > 0) {
                t.listener(p -> {
                    if (p.step() >= stopAfter) {
                        control.cancel();
                    }
                });
            }
            t.train(source(4));
            return weights(net);
        }
    }

    @Test
    void sameSeedGivesSameWeightsAndLossDecreases() {
        TrainingConfig cfg = TrainingConfig.builder().steps(30).batchSize(4).seed(7).logEvery(1).build();
        float[] a = run(cfg, null, 0, null);
        float[] b = run(cfg, null, 0, null);
        assertArrayEquals(a, b, 0f);

        try (NDManager m = NDManager.newBaseManager()) {
            Block net = DnCnn.build(tinySpline());
            NetworkInitializer.initialize(net, m, DnCnn.initShape(tinySpline(), P), 7);
            TrainingResult r = new Trainer(net, m, cfg).train(source(4));
            var log = r.log().entries();
            assertEquals(30, r.stepsDone());
            assertTrue(log.get(log.size() - 1).loss() < log.get(0).loss(), "loss should decrease");
        }
    }

    @Test
    void cancelWritesCheckpointAndResumeMatchesUninterruptedRun(@TempDir Path dir) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().steps(12).batchSize(4).seed(3).logEvery(1)
                .checkpointEvery(100).build();
        float[] straight = run(cfg, null, 0, null);
        Path cp = dir.resolve("run.ckpt");
        TrainingCancelledException ex = assertThrows(TrainingCancelledException.class, () -> run(cfg, cp, 5, null));
        assertEquals(5, ex.step());
        assertTrue(Files.exists(cp));
        Checkpoint checkpoint = Checkpoint.read(cp);
        assertEquals(5, checkpoint.step());
        float[] resumed = run(cfg, null, 0, checkpoint);
        assertArrayEquals(straight, resumed, 1e-5f);
    }

    @Test
    void corruptCheckpointGivesClearMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.ckpt");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(bad));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a"), e.getMessage());
    }

    @Test
    void badConfigIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().steps(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().learningRate(-1).build());
    }

    @Test
    void adamMatchesHandComputedStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdamOptimizer adam = new AdamOptimizer(m, 0f);
            NDArray w = m.create(new float[] {1f, -2f});
            NDArray g = m.create(new float[] {0.5f, -0.25f});
            adam.beginStep();
            adam.update("w", w, g, 0.1f);
            // First Adam step moves each weight by lr·sign(g) (bias-corrected m/sqrt(v) = ±1).
            assertArrayEquals(new float[] {0.9f, -1.9f}, w.toFloatArray(), 1e-5f);
        }
    }
}
