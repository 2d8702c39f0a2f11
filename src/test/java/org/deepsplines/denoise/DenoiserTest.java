package org.deepsplines.denoise;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.deepsplines.data.GrayImage;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.train.TrainingConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains one tiny spline denoiser once and checks inference, persistence and the input checks. */
class DenoiserTest {
    static final DnCnnConfig ARCH = DnCnnConfig.builder().depth(4).width(8).activation(ActivationSpec.spline(
            SplineConfig.builder().size(11).range(2).numActivations(1).build())).build();
    static DenoiserModel model;

    /** Smooth 8-bit-like test images with edges, values 0..255. */
    static GrayImage image(String name, int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double fx = 0.05 + 0.1 * r.nextDouble();
        double fy = 0.05 + 0.1 * r.nextDouble();
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128 + 80 * Math.sin(fx * x) * Math.cos(fy * y) + (x > w / 2 ? 30 : -30);
                p[y * w + x] = (float) Math.max(0, Math.min(255, v));
            }
        }
        return GrayImage.of2D(name, p, w, h, 8);
    }

    static List<GrayImage> images() {
        List<GrayImage> list = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            list.add(image("img" + i, 64, 56, i));
        }
        return list;
    }

    @BeforeAll
    static void train() {
        TrainingConfig cfg = TrainingConfig.builder().steps(200).batchSize(8).learningRate(3e-3f).validateEvery(100).seed(3).build();
        DenoiserSettings s = DenoiserSettings.defaults().withNoise(NoiseRange.fixed(25)).withPatchSize(24).withValidation(0.25, 8);
        model = new DenoiserTrainer(ARCH, cfg, s).train(images());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void denoisingImprovesPsnrOnUnseenImage() {
        GrayImage clean = image("test", 80, 70, 99);
        DenoiseEvaluation.Summary s = DenoiseEvaluation.run(model, List.of(clean), 25, 0, null);
        assertEquals(20.2, s.psnrNoisy(), 0.3, "σ=25 noise on [0,255] gives ≈20.2 dB");
        assertTrue(s.psnr() > s.psnrNoisy() + 3, "denoised " + s.psnr() + " vs noisy " + s.psnrNoisy());
        assertTrue(s.toJsonLine().startsWith("{\"images\":1,\"sigma\":25,"), s.toJsonLine());
    }

    @Test
    void tiledResultEqualsSingleTileResult() {
        GrayImage noisyish = image("t", 90, 75, 5);
        GrayImage whole = model.denoise(noisyish, DenoiseOptions.defaults().withTileSize(0));
        GrayImage tiled = model.denoise(noisyish, DenoiseOptions.defaults().withTileSize(2 * ARCH.receptiveFieldRadius() + 16));
        float max = 0;
        for (int i = 0; i < whole.pixels().length; i++) {
            max = Math.max(max, Math.abs(whole.pixels()[i] - tiled.pixels()[i]));
        }
        assertTrue(max < 1e-2, "tiles must blend seamlessly, max difference " + max + " (0–255 scale)");
        assertEquals(32, whole.bitDepth());
    }

    @Test
    void stackIsDenoisedSliceBySliceWith2dModel() {
        GrayImage a = image("a", 40, 40, 1);
        GrayImage b = image("b", 40, 40, 2);
        float[] both = new float[40 * 40 * 2];
        System.arraycopy(a.pixels(), 0, both, 0, 1600);
        System.arraycopy(b.pixels(), 0, both, 1600, 1600);
        GrayImage stack = new GrayImage("stack", both, 40, 40, 2, 8);
        GrayImage out = model.denoise(stack, DenoiseOptions.defaults());
        GrayImage second = model.denoise(b, DenoiseOptions.defaults());
        for (int i = 0; i < 1600; i++) {
            assertEquals(second.pixels()[i], out.pixels()[1600 + i], 1e-4f);
        }
    }

    @Test
    void saveAndLoadGiveIdenticalResults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.dsmodel");
        model.save(f, false);
        GrayImage img = image("x", 50, 50, 7);
        try (DenoiserModel back = DenoiserModel.load(f)) {
            assertArrayEquals(model.denoise(img, DenoiseOptions.defaults()).pixels(),
                    back.denoise(img, DenoiseOptions.defaults()).pixels(), 0f);
            assertEquals(25, back.noise().sigmaMax());
        }
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> model.save(f, false));
    }

    @Test
    void nanPixelsAreRejectedWithHowToFix() {
        GrayImage img = image("nan", 40, 40, 1);
        img.pixels()[17] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.denoise(img, DenoiseOptions.defaults()));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("Remove NaNs"), e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> new DenoiserTrainer(ARCH,
                TrainingConfig.builder().steps(1).build(), DenoiserSettings.defaults()).train(List.of(img, image("ok", 64, 64, 2))));
        assertTrue(t.getMessage().contains("NaN"), t.getMessage());
    }

    @Test
    void imagesSmallerThanThePatchAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenoiserTrainer(ARCH,
                TrainingConfig.builder().steps(1).build(), DenoiserSettings.defaults().withPatchSize(40))
                .train(List.of(image("tiny", 30, 30, 1), image("tiny2", 30, 30, 2))));
        assertTrue(e.getMessage().contains("tiny"), e.getMessage());
    }

    @Test
    void modelDimensionMismatchIsExplained() {
        GrayImage volume = new GrayImage("vol", new float[16 * 16 * 16], 16, 16, 16, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenoiserTrainer(ARCH,
                TrainingConfig.builder().steps(1).build(), DenoiserSettings.defaults().withPatchSize(8)).train(List.of(volume)));
        assertTrue(e.getMessage().contains("2D model"), e.getMessage());
        DnCnnConfig arch3d = ARCH.toBuilder().spatialDims(3).depth(2).build();
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> new DenoiserTrainer(arch3d,
                TrainingConfig.builder().steps(1).build(), DenoiserSettings.defaults().withPatchSize(8))
                .train(List.of(image("flat", 32, 32, 1))));
        assertTrue(e3.getMessage().contains("3D model"), e3.getMessage());
    }

    @Test
    void cancelDuringInferenceStops() {
        GrayImage img = image("c", 200, 200, 3);
        assertThrows(CancellationException.class, () -> model.denoise(img,
                DenoiseOptions.defaults().withTileSize(2 * ARCH.receptiveFieldRadius() + 20).withCancel(() -> true)));
    }

    @Test
    void wrongTaskModelIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.dsmodel");
        org.deepsplines.model.ModelFile.of("mri-reconstruction", model.description(), model.block(), null).save(f, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenoiserModel.load(f));
        assertTrue(e.getMessage().contains("not a denoiser"), e.getMessage());
        assertTrue(Files.size(f) > 0);
    }
}
