package org.deepsplines.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.denoise.DenoiserSettings;
import org.deepsplines.denoise.DenoiserTrainingJob;
import org.deepsplines.denoise.NoiseRange;
import org.deepsplines.nn.DeviceSelection;
import org.deepsplines.train.TrainingControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train-denoiser}: trains a residual spline (or ReLU twin) denoiser on a folder of clean images.
 * A thin wrapper over {@link DenoiserTrainingJob}, which the Fiji "Train Denoiser" command runs too.
 */
@Command(name = "train-denoiser", mixinStandardHelpOptions = true,
        description = "Train a DnCNN-style denoiser with learned spline (or fixed) activations on clean images with synthetic Gaussian noise.")
final class TrainDenoiserCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, description = "Folder of clean training images (PNG/TIFF, 8/16/32-bit).")
    Path images;

    @Option(names = {"--out", "-o"}, required = true, description = "Model file to write (.dsmodel).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing model file.")
    boolean overwrite;

    @Option(names = "--sigma", description = "Train for one fixed noise σ (0–255 scale).")
    Double sigma;

    @Option(names = "--sigma-min", defaultValue = "0", description = "Smallest σ of a blind model (default: ${DEFAULT-VALUE}).")
    double sigmaMin;

    @Option(names = "--sigma-max", defaultValue = "50", description = "Largest σ of a blind model (default: ${DEFAULT-VALUE}).")
    double sigmaMax;

    @Option(names = "--patch", defaultValue = "40", description = "Training patch size (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--validation", defaultValue = "0.2", description = "Fraction of images held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--recursive", description = "Also read images in sub-folders.")
    boolean recursive;

    @Option(names = "--sparsify-tolerance", description = "After training, prune spline knots while validation PSNR drops by at most this many dB.")
    Double sparsifyTolerance;

    @Option(names = "--checkpoint", description = "Checkpoint file (written every --checkpoint-every steps and on cancel).")
    Path checkpoint;

    @Option(names = "--resume", description = "Resume from this checkpoint (architecture and settings are taken from it).")
    Path resume;

    @Mixin DeviceOption device;

    @Mixin NetworkOptions network;
    @Mixin TrainingOptions training;

    @Override
    public Integer call() throws Exception {
        DeviceSelection where = device.select();
        NoiseRange noise = sigma != null ? NoiseRange.fixed(sigma) : new NoiseRange(sigmaMin, sigmaMax);
        DenoiserSettings settings = DenoiserSettings.defaults().withNoise(noise).withPatchSize(patch)
                .withValidation(validation, 32)
                .withSparsifyTolerance(sparsifyTolerance == null ? Double.NaN : sparsifyTolerance);
        TrainingControl control = new TrainingControl();
        DenoiserTrainingJob job = new DenoiserTrainingJob(images, out)
                .network(network.toConfig(1), training.toConfig()).settings(settings)
                .recursive(recursive).overwrite(overwrite).checkpoint(checkpoint)
                .resume(resume, training.stepsIfGiven())
                .device(where.device()).control(control).listener(new ConsoleProgress(System.out))
                .messages(System.out::println).warnings(w -> System.err.println("warning: " + w));
        // Ctrl-C ends training like "Stop and keep best": the best model so far is still written.
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("Interrupted: stopping and keeping the best model so far...");
            control.stopAndKeepBest();
            try {
                saved.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (DenoiserModel model = job.run()) {
            return 0;
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it only waited for the save above.
            }
        }
    }
}
