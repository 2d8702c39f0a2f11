package org.deepsplines.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.List;
import org.deepsplines.data.GrayImage;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.train.TrainingConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A denoiser with batch normalisation: inference uses the running statistics learned in training (so the
 * result of a pixel does not depend on what else is in the batch or tile), and they survive a save/load.
 */
class BatchNormDenoiserTest {
    static final DnCnnConfig ARCH = DnCnnConfig.builder().depth(4).width(8).batchNorm(true)
            .activation(ActivationSpec.spline(SplineConfig.builder().size(11).range(2).numActivations(1).build())).build();
    static DenoiserModel model;

    @BeforeAll
    static void train() {
        TrainingConfig cfg = TrainingConfig.builder().steps(200).batchSize(8).learningRate(3e-3f).validateEvery(100).seed(5)
                .build();
        DenoiserSettings s = DenoiserSettings.defaults().withNoise(NoiseRange.fixed(25)).withPatchSize(24)
                .withValidation(0.25, 8);
        model = new DenoiserTrainer(ARCH, cfg, s).train(DenoiserTest.images());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void runningStatisticsAreLearnedAndUsed() {
        int running = 0;
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
                NDArray mean = p.getValue().getArray();
                assertTrue(mean.abs().sum().getFloat() > 0, p.getKey() + " still holds its initial zeros");
                running++;
            }
        }
        assertEquals(ARCH.depth() - 2, running, "one batch-norm layer per inner convolution");
        DenoiseEvaluation.Summary s = DenoiseEvaluation.run(model, List.of(DenoiserTest.image("test", 80, 70, 99)), 25, 0,
                null);
        assertTrue(s.psnr() > s.psnrNoisy() + 0.5, "denoised " + s.psnr() + " vs noisy " + s.psnrNoisy());
    }

    @Test
    void tilesAndBatchesDoNotChangeTheResult() {
        GrayImage img = DenoiserTest.image("t", 90, 75, 5);
        GrayImage whole = model.denoise(img, DenoiseOptions.defaults().withTileSize(0));
        GrayImage tiled = model.denoise(img, DenoiseOptions.defaults().withTileSize(2 * ARCH.receptiveFieldRadius() + 16));
        for (int i = 0; i < whole.pixels().length; i++) {
            assertEquals(whole.pixels()[i], tiled.pixels()[i], 1e-2f, "pixel " + i);
        }
    }

    @Test
    void saveAndLoadKeepTheRunningStatistics(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bn.dsmodel");
        model.save(f, false);
        GrayImage img = DenoiserTest.image("x", 50, 50, 7);
        try (DenoiserModel back = DenoiserModel.load(f)) {
            assertTrue(back.architecture().batchNorm());
            assertArrayEquals(model.denoise(img, DenoiseOptions.defaults()).pixels(),
                    back.denoise(img, DenoiseOptions.defaults()).pixels(), 0f);
        }
    }
}
