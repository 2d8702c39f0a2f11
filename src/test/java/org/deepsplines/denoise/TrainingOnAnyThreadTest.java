package org.deepsplines.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.deepsplines.data.GrayImage;
import org.deepsplines.model.ModelSparsifier;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineNetworks;
import org.deepsplines.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * Fiji runs commands on worker threads, not on the thread that loaded the engine. PyTorch's autograd is
 * on by default on every new thread, which broke parameter updates and in-place sparsification there.
 */
class TrainingOnAnyThreadTest {

    @Test
    void trainingDenoisingAndSparsifyingWorkOnAFreshThread() throws Exception {
        Engine.getInstance(); // loaded here, on the test thread
        List<GrayImage> images = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 2; i++) {
            float[] p = new float[48 * 48];
            for (int k = 0; k < p.length; k++) {
                p[k] = (k % 48 < 24 ? 60 : 180) + 10 * (float) rnd.nextGaussian();
            }
            images.add(GrayImage.of2D("img" + i, p, 48, 48, 8));
        }
        DnCnnConfig arch = DnCnnConfig.builder().depth(3).width(4)
                .activation(ActivationSpec.spline(SplineConfig.builder().size(9).range(2).numActivations(1).build()))
                .build();
        TrainingConfig cfg = TrainingConfig.builder().steps(3).batchSize(2).validateEvery(3).logEvery(1).build();
        DenoiserSettings settings = DenoiserSettings.defaults().withNoise(NoiseRange.fixed(20)).withPatchSize(16)
                .withValidation(0.5, 2);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Integer> knotsAfter = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (DenoiserModel m = new DenoiserTrainer(arch, cfg, settings).train(images)) {
                GrayImage out = m.denoise(images.get(0), DenoiseOptions.defaults());
                assertEquals(48 * 48, out.pixels().length);
                knotsAfter.set(ModelSparsifier.apply(SplineNetworks.find(m.block()), 10).totalAfter());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "command-worker");
        worker.start();
        worker.join();
        assertNull(failure.get(), () -> "training on a worker thread failed: " + failure.get());
        assertTrue(knotsAfter.get() >= 0);
    }
}
