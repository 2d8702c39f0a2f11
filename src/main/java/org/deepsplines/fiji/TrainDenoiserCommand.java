package org.deepsplines.fiji;

import java.io.File;
import java.nio.file.Path;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.denoise.DenoiserSettings;
import org.deepsplines.denoise.DenoiserTrainingJob;
import org.deepsplines.denoise.NoiseRange;
import org.deepsplines.nn.DeviceSelection;
import org.deepsplines.nn.NetworkSettings;
import org.deepsplines.train.TrainingConfig;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Train Denoiser: trains a residual denoiser with learned spline activations on a
 * folder of clean images with synthetic Gaussian noise (the same code as {@code train-denoiser} on the
 * command line). With a display, a monitor window shows the loss and validation PSNR live and can stop
 * (keeping the best model) or cancel; afterwards the learned activations open beside it.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Train Denoiser")
public final class TrainDenoiserCommand extends TrainingCommand {

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String dataHeader = "Data";

    @Parameter(label = "Clean training images (folder)", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File images;

    @Parameter(label = "Include sub-folders")
    private boolean recursive = false;

    @Parameter(label = "Model file to write (empty: <folder>_denoiser.dsmodel)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File output;

    @Parameter(label = "Overwrite an existing model file", persist = false)
    private boolean overwrite = false;

    @Parameter(label = "Noise σ from (0–255 scale)", min = "0")
    private double sigmaMin = 0;

    @Parameter(label = "Noise σ to (equal: fixed-σ model)", min = "0")
    private double sigmaMax = 50;

    @Parameter(label = "Patch size (pixels)", min = "8")
    private int patch = 40;

    @Parameter(label = "Validation fraction of the images", min = "0", max = "0.9")
    private double validation = 0.2;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String networkHeader = "Network";

    @Parameter(label = "Activation", choices = {"spline", "relu", "leaky_relu", "prelu"})
    private String activation = "spline";

    @Parameter(label = "Depth (convolution layers)", min = "2")
    private int depth = NetworkSettings.defaults().depth();

    @Parameter(label = "Width (feature maps)", min = "1")
    private int width = NetworkSettings.defaults().width();

    @Parameter(label = "Batch normalisation (inner layers)")
    private boolean batchNorm = false;

    @Parameter(label = "Spline coefficients (odd)", min = "3")
    private int splineSize = NetworkSettings.defaults().splineSize();

    @Parameter(label = "Spline range ±R")
    private double splineRange = NetworkSettings.defaults().splineRange();

    @Parameter(label = "Spline initialisation", choices = {"leaky_relu", "relu", "identity", "even_odd", "random"})
    private String splineInit = "leaky_relu";

    @Parameter(label = "Slope constraint", choices = {"none", "1-lipschitz", "monotone"})
    private String constraint = "none";

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String trainingHeader = "Training";

    @Parameter(label = "Steps", min = "1")
    private long steps = 3000;

    @Parameter(label = "Batch (patches per step)", min = "1")
    private int batch = 16;

    @Parameter(label = "Learning rate (weights)")
    private float learningRate = 1e-3f;

    @Parameter(label = "Learning rate (splines)")
    private float splineLearningRate = 1e-3f;

    @Parameter(label = "TV(2) regularisation λ")
    private float tv2 = 1e-6f;

    @Parameter(label = "Schedule", choices = {"cosine", "constant", "step"})
    private String schedule = "cosine";

    @Parameter(label = "Validate every (steps)", min = "1")
    private int validateEvery = 250;

    @Parameter(label = "Random seed")
    private long seed = 1;

    @Parameter(label = "Sparsify: PSNR tolerance in dB (negative: off)")
    private double sparsifyTolerance = -1;

    @Parameter(label = "Checkpoint file (optional)", required = false, persist = false, style = FileWidget.SAVE_STYLE)
    private File checkpoint;

    @Parameter(label = "Checkpoint every (steps, 0 = only on cancel)", min = "0")
    private int checkpointEvery = 0;

    @Parameter(label = "Resume from checkpoint (optional)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File resume;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(label = "CPU threads (0 = default)", min = "0")
    private int threads = 0;

    @Parameter(label = "Show learned activations")
    private boolean showActivations = true;

    @Parameter(label = "Activation figure file (PNG/TIFF, optional)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File activationFigure;

    @Parameter(type = ItemIO.OUTPUT, label = "Model file")
    private File model;

    @Override
    protected void execute() throws Exception {
        if (images == null) {
            throw new IllegalArgumentException("Choose a folder of clean training images.");
        }
        Path out = output != null ? output.toPath() : defaultOutput(images.toPath());
        DeviceSelection where = DeviceSelection.resolve(device);
        log().device(where);
        TrainingFeedback.useThreads(threads);
        NetworkSettings net = new NetworkSettings(activation, depth, width, 3, batchNorm, false, splineSize, splineRange,
                null, splineInit, constraint);
        TrainingConfig training = trainingConfig(steps, batch, learningRate, splineLearningRate, tv2, schedule, seed,
                validateEvery, checkpointEvery, threads);
        DenoiserSettings settings = DenoiserSettings.defaults().withNoise(new NoiseRange(sigmaMin, sigmaMax))
                .withPatchSize(patch).withValidation(validation, 32)
                .withSparsifyTolerance(sparsifyTolerance < 0 ? Double.NaN : sparsifyTolerance);
        TrainingFeedback feedback = openFeedback("DeepSplines training - " + out.getFileName(), validateEvery);
        DenoiserTrainingJob job = new DenoiserTrainingJob(images.toPath(), out).network(net.toConfig(1), training)
                .settings(settings).recursive(recursive).overwrite(overwrite)
                .checkpoint(checkpoint == null ? null : checkpoint.toPath())
                .resume(resume == null ? null : resume.toPath()).device(where.device()).listener(feedback)
                .control(control()).messages(log()::info).warnings(w -> log().warn("Skipped: " + w));
        try (DenoiserModel trained = job.run()) {
            model = out.toFile();
            trained(trained.block(), out, showActivations, activationFigure, overwrite);
        } catch (RuntimeException | java.io.IOException e) {
            ended(e);
            throw e;
        }
    }

    /** {@code <folder>_denoiser.dsmodel} next to the images folder. */
    static Path defaultOutput(Path images) {
        Path abs = images.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "_denoiser.dsmodel");
    }
}
