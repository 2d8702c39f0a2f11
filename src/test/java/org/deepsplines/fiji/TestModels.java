package org.deepsplines.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.deepsplines.data.GrayImage;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.denoise.DenoiserSettings;
import org.deepsplines.denoise.DenoiserTrainer;
import org.deepsplines.denoise.NoiseRange;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;
import org.deepsplines.train.LearningRateSchedule;
import org.deepsplines.train.TrainingConfig;

/**
 * A tiny spline denoiser trained once per test run on crops of the sample images (a few seconds), so
 * that no test depends on the bundled model; plus small sample crops to work on.
 */
final class TestModels {
    static final double SIGMA = 25;
    private static Path tiny;

    private TestModels() {}

    /** The natural-image sample folder. */
    static Path samples() {
        Path p = Paths.get("sample-images", "denoising", "natural");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Run the tests from the repository root: " + p.toAbsolutePath()
                    + " is missing.");
        }
        return p;
    }

    /** A centre crop of a sample image as an 8-bit ImagePlus titled like the file. */
    static ImagePlus crop(String file, int size) {
        ImagePlus imp = IJ.openImage(samples().resolve(file).toString());
        ImageProcessor ip = imp.getProcessor();
        ip.setRoi((imp.getWidth() - size) / 2, (imp.getHeight() - size) / 2, size, size);
        return new ImagePlus(file, ip.crop());
    }

    /** Writes crops of a few sample images into {@code dir} as PNG (training or denoising input). */
    static Path cropFolder(Path dir, int size, String... files) {
        try {
            Files.createDirectories(dir);
            for (String f : files) {
                if (!new FileSaver(crop(f, size)).saveAsPng(dir.resolve(f).toString())) {
                    throw new IOException("could not write " + f);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tiny model's file (trained on first use). */
    static synchronized Path tinyDenoiser() {
        if (tiny != null) {
            return tiny;
        }
        try {
            Path dir = Files.createTempDirectory("deepsplines-tiny");
            dir.toFile().deleteOnExit();
            List<GrayImage> images = new ArrayList<>();
            for (String f : new String[] {"camera.png", "coins.png", "brick.png", "astronaut_gray.png"}) {
                ImagePlus c = crop(f, 96);
                images.add(GrayImage.of2D(f, (float[]) c.getProcessor().convertToFloat().getPixels(), 96, 96, 8));
            }
            DnCnnConfig arch = DnCnnConfig.builder().depth(4).width(8).activation(ActivationSpec.spline(
                    SplineConfig.builder().size(15).range(2).numActivations(1).init(SplineInit.LEAKY_RELU).build()))
                    .build();
            TrainingConfig cfg = TrainingConfig.builder().steps(60).batchSize(6).learningRate(3e-3f)
                    .splineLearningRate(1e-3f).schedule(LearningRateSchedule.CONSTANT).seed(3).validateEvery(30)
                    .logEvery(30).build();
            DenoiserSettings settings = DenoiserSettings.defaults().withNoise(NoiseRange.fixed(SIGMA))
                    .withPatchSize(32).withValidation(0.25, 8);
            Path file = dir.resolve("tiny.dsmodel");
            try (DenoiserModel m = new DenoiserTrainer(arch, cfg, settings).train(images)) {
                m.save(file, false);
            }
            file.toFile().deleteOnExit();
            tiny = file;
            return tiny;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
