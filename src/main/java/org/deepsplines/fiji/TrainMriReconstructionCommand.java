package org.deepsplines.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.io.SliceAxis;
import org.deepsplines.mri.learned.DataConsistencyKind;
import org.deepsplines.mri.learned.MriNetworkConfig;
import org.deepsplines.mri.learned.MriNetworkKind;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriReconstructionTrainer;
import org.deepsplines.mri.learned.MriSampling;
import org.deepsplines.mri.learned.MriSlice;
import org.deepsplines.mri.learned.MriSliceReader;
import org.deepsplines.mri.learned.MriTrainingSettings;
import org.deepsplines.mri.learned.SliceSelection;
import org.deepsplines.nn.DeviceSelection;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkSettings;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.train.Checkpoint;
import org.deepsplines.train.TrainingConfig;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Train MRI Reconstruction: trains a learned single-coil reconstruction (an
 * unrolled network with data consistency, or a post-processing CNN on the zero-filled image) with spline
 * activations, on fully sampled slices from a folder or a volume, by simulating undersampled acquisitions
 * of the chosen mask and acceleration (the same code as {@code train-mri}). With a display the training
 * monitor shows loss and validation PSNR live; the learned activations open beside it at the end.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Train MRI Reconstruction")
public final class TrainMriReconstructionCommand extends TrainingCommand {

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String dataHeader = "Fully sampled training slices: a folder of images or a volume";

    @Parameter(label = "Folder of slices (PNG/TIFF; 2-slice 32-bit TIFF = complex)", required = false, persist = false,
            style = FileWidget.DIRECTORY_STYLE)
    private File slicesFolder;

    @Parameter(label = "Volume (NIfTI .nii/.nii.gz or TIFF stack)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File volume;

    @Parameter(label = "Volume slice axis", choices = {"z", "y", "x"})
    private String axis = "z";

    @Parameter(label = "Volume slices FROM:TO[:STEP] (empty: all)", required = false)
    private String slices = "";

    @Parameter(label = "Never use slices (e.g. 58-62,78-82: test slices)", required = false)
    private String excludeSlices = "";

    @Parameter(label = "Validation fraction of the slices", min = "0", max = "0.9")
    private double validation = 0.1;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String samplingHeader = "Acquisition to simulate";

    @Parameter(label = "Mask", choices = {"cartesian", "equispaced", "radial", "random"})
    private String mask = "cartesian";

    @Parameter(label = "Acceleration R", min = "1.0001")
    private double acceleration = 4;

    @Parameter(label = "Fully sampled centre fraction (negative: 0.32/R)")
    private double centerFraction = -1;

    @Parameter(label = "Readout band in pixels (Cartesian masks; 0 = whole slices)", min = "0")
    private int readoutCrop = 0;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String networkHeader = "Network";

    @Parameter(label = "Network", choices = {"unrolled", "post"})
    private String network = "unrolled";

    @Parameter(label = "Unrolled iterations", min = "1")
    private int iterations = 5;

    @Parameter(label = "Share the CNN across iterations")
    private boolean sharedWeights = true;

    @Parameter(label = "Data consistency", choices = {"hard", "learned"})
    private String consistency = "hard";

    @Parameter(label = "Activation", choices = {"spline", "relu", "leaky_relu", "prelu"})
    private String activation = "spline";

    @Parameter(label = "CNN depth (convolution layers)", min = "2")
    private int depth = 5;

    @Parameter(label = "CNN width (feature maps)", min = "1")
    private int width = 32;

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
    private long steps = 1200;

    @Parameter(label = "Batch (slices per step)", min = "1")
    private int batch = 2;

    @Parameter(label = "Learning rate (weights)")
    private float learningRate = 2e-3f;

    @Parameter(label = "Learning rate (splines)")
    private float splineLearningRate = 2e-3f;

    @Parameter(label = "TV(2) regularisation λ")
    private float tv2 = 1e-6f;

    @Parameter(label = "Schedule", choices = {"cosine", "constant", "step"})
    private String schedule = "cosine";

    @Parameter(label = "Validate every (steps)", min = "1")
    private int validateEvery = 150;

    @Parameter(label = "Random seed")
    private long seed = 1;

    @Parameter(label = "Checkpoint file (optional)", required = false, persist = false, style = FileWidget.SAVE_STYLE)
    private File checkpoint;

    @Parameter(label = "Checkpoint every (steps, 0 = only on cancel)", min = "0")
    private int checkpointEvery = 0;

    @Parameter(label = "Resume from checkpoint (optional; same slices)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File resume;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(label = "CPU threads (0 = default)", min = "0")
    private int threads = 0;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false)
    private String outputHeader = "Output";

    @Parameter(label = "Model file to write (empty: <data>_mri-<mask>-<R>x.dsmodel)", required = false,
            persist = false, style = FileWidget.SAVE_STYLE)
    private File output;

    @Parameter(label = "Overwrite an existing model file", persist = false)
    private boolean overwrite = false;

    @Parameter(label = "Show learned activations")
    private boolean showActivations = true;

    @Parameter(label = "Activation figure file (PNG/TIFF, optional)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File activationFigure;

    @Parameter(type = ItemIO.OUTPUT, label = "Model file")
    private File model;

    @Override
    protected void execute() throws Exception {
        if ((slicesFolder == null) == (volume == null)) {
            throw new IllegalArgumentException("Choose either a folder of fully sampled slices or a volume file"
                    + " (not both) to train on.");
        }
        Path source = (slicesFolder != null ? slicesFolder : volume).toPath();
        MriReconstructionTrainer trainer = resume != null
                ? MriReconstructionTrainer.resuming(Checkpoint.read(resume.toPath())) : newTrainer();
        Path out = output != null ? output.toPath() : defaultOutput(source, trainer.settings().sampling());
        AtomicFiles.checkWritable(out, overwrite);
        DeviceSelection where = DeviceSelection.resolve(device);
        log().device(where);
        TrainingFeedback.useThreads(threads);
        List<MriSlice> data = readSlices();
        Path cp = checkpoint != null ? checkpoint.toPath() : resume == null ? null : resume.toPath();
        if (cp != null) {
            trainer.checkpoint(cp);
        }
        TrainingFeedback feedback = openFeedback("DeepSplines MRI training - " + out.getFileName(), validateEvery);
        trainer.device(where.device()).listener(feedback).control(control()).messages(log()::info);
        try (MriReconstructionModel trained = trainer.train(data)) {
            trained.save(out, overwrite);
            model = out.toFile();
            log().info("Model written to " + out + " (" + ParameterCounts.of(trained.block()) + ")");
            trained(trained.block(), out, showActivations, activationFigure, overwrite);
        } catch (RuntimeException | IOException e) {
            ended(e);
            throw e;
        }
    }

    private MriReconstructionTrainer newTrainer() {
        MriSampling sampling = new MriSampling(MaskType.parse(mask), acceleration,
                centerFraction < 0 ? null : centerFraction, null);
        MriTrainingSettings settings = new MriTrainingSettings(sampling, true, validation, true, 0.5, 0.5, readoutCrop);
        DnCnnConfig cnn = new NetworkSettings(activation, depth, width, 3, false, false, splineSize, splineRange, null,
                splineInit, constraint).toConfig(2);
        MriNetworkConfig net = MriNetworkKind.parse(network) == MriNetworkKind.POST ? MriNetworkConfig.post(cnn)
                : MriNetworkConfig.unrolled(cnn, iterations, sharedWeights, DataConsistencyKind.parse(consistency));
        TrainingConfig training = trainingConfig(steps, batch, learningRate, splineLearningRate, tv2, schedule, seed,
                validateEvery, checkpointEvery, threads);
        return new MriReconstructionTrainer(net, training, settings);
    }

    private List<MriSlice> readSlices() throws IOException {
        if (slicesFolder != null) {
            List<MriSlice> s = MriSliceReader.folder(slicesFolder.toPath(), w -> log().warn("Skipped: " + w));
            log().info("Read " + s.size() + " slice(s) from " + slicesFolder);
            return s;
        }
        List<MriSlice> s = MriSliceReader.volume(volume.toPath(), SliceAxis.parse(axis),
                SliceSelection.parse(blankToNull(slices), blankToNull(excludeSlices)), log()::info);
        log().info("Read " + s.size() + " slice(s) of " + volume.getName());
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** {@code <data stem>_mri-<setting>.dsmodel} next to the folder or volume. */
    static Path defaultOutput(Path source, MriSampling sampling) {
        Path abs = source.toAbsolutePath().normalize();
        String n = abs.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii.gz", ".nii", ".tiff", ".tif"}) {
            if (lower.endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
                break;
            }
        }
        return abs.resolveSibling(n + "_mri-" + sampling.settingName() + ".dsmodel");
    }
}
