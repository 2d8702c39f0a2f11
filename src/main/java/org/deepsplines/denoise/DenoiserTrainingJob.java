package org.deepsplines.denoise;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.train.Checkpoint;
import org.deepsplines.train.TrainingConfig;
import org.deepsplines.train.TrainingControl;
import org.deepsplines.train.TrainingListener;

/**
 * "Train a denoiser on a folder of clean images and save it": the one implementation behind the
 * {@code train-denoiser} command line and the Fiji "Train Denoiser" command. It checks the output before
 * any work, reads the folder (reporting skipped files), starts a new run or resumes a checkpoint, trains,
 * and saves the model atomically. The caller owns (and closes) the returned model.
 */
public final class DenoiserTrainingJob {
    private final Path images;
    private final Path output;
    private DnCnnConfig architecture;
    private TrainingConfig training;
    private DenoiserSettings settings = DenoiserSettings.defaults();
    private boolean recursive;
    private boolean overwrite;
    private Path checkpoint;
    private Path resume;
    private Long resumeSteps;
    private Device device;
    private TrainingListener listener = TrainingListener.NONE;
    private TrainingControl control = new TrainingControl();
    private Consumer<String> messages = s -> {};
    private Consumer<String> warnings = s -> {};

    /**
     * @param images folder of clean training images (PNG/TIFF, 8/16/32-bit)
     * @param output model file to write (.dsmodel)
     */
    public DenoiserTrainingJob(Path images, Path output) {
        if (images == null || output == null) {
            throw new IllegalArgumentException("Training needs a folder of clean images and an output model file.");
        }
        this.images = images;
        this.output = output;
    }

    /** Network and optimisation settings of a new run (ignored when resuming). */
    public DenoiserTrainingJob network(DnCnnConfig architecture, TrainingConfig training) {
        this.architecture = architecture;
        this.training = training;
        return this;
    }

    /** Denoising settings of a new run (ignored when resuming). */
    public DenoiserTrainingJob settings(DenoiserSettings s) {
        settings = s;
        return this;
    }

    public DenoiserTrainingJob recursive(boolean r) {
        recursive = r;
        return this;
    }

    public DenoiserTrainingJob overwrite(boolean o) {
        overwrite = o;
        return this;
    }

    /** Checkpoint file written at the configured interval and on cancel (null: none). */
    public DenoiserTrainingJob checkpoint(Path file) {
        checkpoint = file;
        return this;
    }

    /** Resume this checkpoint (architecture and settings are taken from it; null: a new run). */
    public DenoiserTrainingJob resume(Path file) {
        resume = file;
        return this;
    }

    /**
     * Resume this checkpoint up to {@code totalSteps} (null: the checkpoint's own total); a total at or
     * below the checkpoint's step ends at once and keeps the best model found so far.
     */
    public DenoiserTrainingJob resume(Path file, Long totalSteps) {
        resume = file;
        resumeSteps = totalSteps;
        return this;
    }

    public DenoiserTrainingJob device(Device d) {
        device = d;
        return this;
    }

    public DenoiserTrainingJob listener(TrainingListener l) {
        listener = l;
        return this;
    }

    public DenoiserTrainingJob control(TrainingControl c) {
        control = c;
        return this;
    }

    /** One-line status messages (split sizes, parameter counts, sparsity, where the model went). */
    public DenoiserTrainingJob messages(Consumer<String> sink) {
        messages = sink;
        return this;
    }

    /** Files that were skipped while reading the folder. */
    public DenoiserTrainingJob warnings(Consumer<String> sink) {
        warnings = sink;
        return this;
    }

    /**
     * Trains and saves.
     *
     * @return the trained model (best validation parameters), already saved to the output file
     * @throws IllegalArgumentException for bad settings, an unusable folder or an existing output
     * @throws org.deepsplines.train.TrainingCancelledException when cancelled through the control
     */
    public DenoiserModel run() throws IOException {
        AtomicFiles.checkWritable(output, overwrite);
        if (!Files.isDirectory(images)) {
            throw new IllegalArgumentException("Training images: " + images + " is not a folder. Choose a folder of"
                    + " clean PNG/TIFF images.");
        }
        DenoiserTrainer trainer;
        DnCnnConfig arch;
        if (resume != null) {
            Checkpoint cp = Checkpoint.read(resume);
            trainer = resumeSteps == null ? DenoiserTrainer.resuming(cp) : DenoiserTrainer.resuming(cp, resumeSteps);
            arch = DnCnnConfig.fromJson(cp.model().getAsJsonObject("architecture"));
        } else {
            if (architecture == null || training == null) {
                throw new IllegalArgumentException("Network and training settings are missing.");
            }
            trainer = new DenoiserTrainer(architecture, training, settings);
            arch = architecture;
        }
        ImageFolderReader.Result read = new ImageFolderReader().recursive(recursive).volumes(arch.spatialDims() == 3)
                .read(images);
        read.warnings().forEach(warnings);
        Path cp = checkpoint != null ? checkpoint : resume;
        if (cp != null) {
            trainer.checkpoint(cp);
        }
        trainer.device(device).listener(listener).control(control).messages(messages);
        DenoiserModel model = trainer.train(read.images());
        try {
            model.save(output, overwrite);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        messages.accept("Model written to " + output.toAbsolutePath() + " (" + ParameterCounts.of(model.block()) + ")");
        return model;
    }
}
