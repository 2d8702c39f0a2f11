package org.deepsplines.cli;

import ij.measure.Calibration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.data.GaussianNoise;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.data.ImageFiles;
import org.deepsplines.denoise.DenoiseOptions;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.denoise.DenoiserSettings;
import org.deepsplines.denoise.DenoiserTrainer;
import org.deepsplines.denoise.NoiseRange;
import org.deepsplines.fiji.plot.ActivationFigure;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;
import org.deepsplines.spline.SplineNetworks;
import org.deepsplines.train.LearningRateSchedule;
import org.deepsplines.train.TrainingConfig;
import org.deepsplines.train.TrainingControl;
import org.deepsplines.train.metrics.Psnr;
import org.deepsplines.train.metrics.Ssim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: trains a small spline denoiser on the bundled sample images in a few minutes, denoises
 * an image it did not see, and writes the images, the learned activations and a short report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a small spline denoiser on sample-images (a few minutes on 2 CPU cores), denoise an unseen image, and write results, a plot of the learned activations and a report.")
final class DemoCommand implements Callable<Integer> {
    static final String TEST_IMAGE = "camera.png";

    @Option(names = "--out", defaultValue = "demo-output", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samples", defaultValue = "sample-images/denoising/natural",
            description = "Folder of training images (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--sigma", defaultValue = "25", description = "Noise σ on the 0–255 scale (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--steps", defaultValue = "1200", description = "Training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--max-seconds", defaultValue = "200",
            description = "Stop training after this many seconds and keep the best model (default: ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--overwrite", description = "Replace files of an earlier demo run in the output folder.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(samples)) {
            throw new IllegalArgumentException("Sample images not found at " + samples.toAbsolutePath()
                    + ". Run the demo from the repository root, or pass --samples DIR.");
        }
        Files.createDirectories(out);
        List<Path> outputs = List.of(out.resolve("noisy.tif"), out.resolve("denoised.tif"), out.resolve("noisy.png"),
                out.resolve("denoised.png"), out.resolve("activations.png"), out.resolve("demo-denoiser.dsmodel"),
                out.resolve("report.md"));
        for (Path p : outputs) {
            AtomicFiles.checkWritable(p, overwrite);
        }

        ImageFolderReader.Result read = new ImageFolderReader().read(samples);
        List<GrayImage> train = new ArrayList<>();
        GrayImage test = null;
        for (GrayImage im : read.images()) {
            if (im.name().startsWith(TEST_IMAGE.replace(".png", ""))) {
                test = im;
            } else {
                train.add(im);
            }
        }
        if (test == null) {
            test = train.remove(train.size() - 1);
        }
        System.out.println("Demo: training on " + train.size() + " sample images, testing on the unseen " + test.name());

        DnCnnConfig arch = DnCnnConfig.builder().depth(8).width(24).activation(ActivationSpec.spline(
                SplineConfig.builder().size(31).range(3).numActivations(1).init(SplineInit.LEAKY_RELU).build())).build();
        TrainingConfig cfg = TrainingConfig.builder().steps(steps).batchSize(16).learningRate(2e-3f)
                .splineLearningRate(1e-3f).schedule(LearningRateSchedule.COSINE).seed(1).validateEvery(100)
                .logEvery(50).build();
        DenoiserSettings settings = DenoiserSettings.defaults().withNoise(NoiseRange.fixed(sigma)).withPatchSize(40)
                .withValidation(0.15, 24);

        TrainingControl control = new TrainingControl();
        ConsoleProgress console = new ConsoleProgress(System.out);
        long start = System.nanoTime();
        DenoiserTrainer trainer = new DenoiserTrainer(arch, cfg, settings).control(control).messages(System.out::println)
                .listener(p -> {
                    console.onProgress(p);
                    if ((System.nanoTime() - start) / 1e9 > maxSeconds) {
                        System.out.println("Time budget reached: stopping and keeping the best model so far.");
                        control.stopAndKeepBest();
                    }
                });
        try (DenoiserModel model = trainer.train(train)) {
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            GrayImage clean = test.normalized(DenoiserModel.normalizationFor(test));
            float[] noisy = GaussianNoise.fixed(sigma / 255.0, 0).addNoise(clean.pixels(), 1, new float[1]);
            float[] den = model.denoiseNormalized(noisy, clean.width(), clean.height(), DenoiseOptions.defaults());
            for (int i = 0; i < den.length; i++) {
                den[i] = Math.min(1f, Math.max(0f, den[i]));
            }
            double psnrNoisy = Psnr.compute(clean.pixels(), noisy, 1);
            double psnr = Psnr.compute(clean.pixels(), den, 1);
            double ssim = Ssim.compute(clean.pixels(), den, clean.width(), clean.height(), 1);

            GrayImage noisyImg = scaled(test.name(), noisy, clean);
            GrayImage denImg = scaled(test.name(), den, clean);
            Calibration cal = new Calibration();
            ImageFiles.write(noisyImg, cal, 32, outputs.get(0), overwrite);
            ImageFiles.write(denImg, cal, 32, outputs.get(1), overwrite);
            ImageFiles.write(noisyImg, cal, 8, outputs.get(2), overwrite);
            ImageFiles.write(denImg, cal, 8, outputs.get(3), overwrite);
            var figure = new ActivationFigure().render(model.block(),
                    "Learned activations of the demo denoiser (" + arch.depth() + " layers)");
            AtomicFiles.write(outputs.get(4), overwrite, o -> ImageIO.write(figure, "png", o));
            model.save(outputs.get(5), overwrite);
            String report = report(arch, model, test, train.size(), trainSeconds, psnrNoisy, psnr, ssim);
            AtomicFiles.write(outputs.get(6), overwrite, o -> o.write(report.getBytes(StandardCharsets.UTF_8)));
            System.out.println();
            System.out.print(report);
            System.out.println();
            System.out.println("Results written to " + out.toAbsolutePath() + ":");
            for (Path p : outputs) {
                System.out.println("  " + p.getFileName());
            }
        }
        return 0;
    }

    /** Back to 0–255 values for writing. */
    private static GrayImage scaled(String name, float[] normalized, GrayImage like) {
        float[] v = new float[normalized.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = normalized[i] * 255f;
        }
        return GrayImage.of2D(name, v, like.width(), like.height(), 8);
    }

    private static String report(DnCnnConfig arch, DenoiserModel model, GrayImage test, int trainImages,
            double seconds, double psnrNoisy, double psnr, double ssim) throws IOException {
        StringBuilder r = new StringBuilder();
        r.append("# DeepSplines demo\n\n");
        r.append(String.format(Locale.ROOT, "- Network: %s, %s%n", arch, ParameterCounts.of(model.block())));
        r.append(String.format(Locale.ROOT, "- Trained on %d sample images for %.0f s (%s)%n", trainImages, seconds,
                model.noise()));
        r.append(String.format(Locale.ROOT, "- Test image (not used for training): %s, %dx%d%n", test.name(), test.width(),
                test.height()));
        r.append(String.format(Locale.ROOT, "- PSNR noisy %.2f dB -> denoised %.2f dB (SSIM %.4f)%n", psnrNoisy, psnr, ssim));
        r.append(String.format(Locale.ROOT, "- Network Lipschitz bound: %.3g%n", SplineNetworks.lipschitzBound(model.block())));
        r.append("\nFiles: noisy.tif/png, denoised.tif/png, activations.png (every learned activation; shaded: grid range,"
                + " dashed: linear extrapolation, dots: active knots), demo-denoiser.dsmodel (usable with `denoise --model`).\n");
        return r.toString();
    }
}
