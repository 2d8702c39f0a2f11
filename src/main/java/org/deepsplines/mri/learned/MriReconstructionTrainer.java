package org.deepsplines.mri.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import com.google.gson.JsonObject;
import java.util.List;
import org.deepsplines.data.DatasetSplit;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.train.Checkpoint;
import org.deepsplines.train.TaskTrainer;
import org.deepsplines.train.Trainer;
import org.deepsplines.train.TrainingConfig;
import org.deepsplines.train.TrainingMetadata;
import org.deepsplines.train.TrainingResult;

/**
 * Trains a learned reconstruction on fully sampled slices: each step simulates noiseless single-coil
 * acquisitions of a batch of whole slices ({@link MriBatches}), the loss is the MSE between the complex
 * (two-channel) output and the normalised ground truth, and validation is the mean magnitude PSNR on
 * held-out slices with fixed masks ({@link MriValidation}). Uses the shared {@link Trainer} (two-group Adam,
 * TV(2) on splines, schedule, best-by-validation, checkpoints).
 */
public final class MriReconstructionTrainer extends TaskTrainer<MriReconstructionTrainer> {
    static final String NORMALIZATION = "inputs and target divided by s = max|zero-filled image|; output times s";

    private final MriNetworkConfig network;
    private final TrainingConfig training;
    private final MriTrainingSettings settings;

    public MriReconstructionTrainer(MriNetworkConfig network, TrainingConfig training, MriTrainingSettings settings) {
        this.network = network;
        this.training = training;
        this.settings = settings;
    }

    /** Continues the run stored in a checkpoint (give it the same slices). */
    public static MriReconstructionTrainer resuming(Checkpoint checkpoint) {
        return resuming(checkpoint, checkpoint.training().steps());
    }

    /**
     * Continues a checkpointed run up to {@code totalSteps} steps (the schedule stretches to the new total);
     * a total at or below the checkpoint's step ends at once and keeps the best model found so far.
     */
    public static MriReconstructionTrainer resuming(Checkpoint checkpoint, long totalSteps) {
        JsonObject m = checkpoint.model();
        if (!m.has("network") || !m.has("sampling") || !m.has("mri_training")) {
            throw new IllegalArgumentException("this checkpoint was not written by MRI reconstruction training");
        }
        MriSampling sampling = MriSampling.fromJson(m.getAsJsonObject("sampling"));
        MriReconstructionTrainer t = new MriReconstructionTrainer(MriNetworkConfig.fromJson(m.getAsJsonObject("network")),
                resumedConfig(checkpoint, totalSteps),
                MriTrainingSettings.fromJson(sampling, m.getAsJsonObject("mri_training")));
        t.resumeFrom(checkpoint);
        return t;
    }

    public MriNetworkConfig network() {
        return network;
    }

    public MriTrainingSettings settings() {
        return settings;
    }

    /** Trains on the given ground-truth slices and returns the best model by validation PSNR. */
    public MriReconstructionModel train(List<MriSlice> slices) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no training slices were given");
        }
        List<MriSlice> trainSet;
        List<MriSlice> validationSet;
        if (slices.size() >= 2 && settings.validationFraction() > 0) {
            DatasetSplit<MriSlice> split = DatasetSplit.split(slices, settings.validationFraction(), training.seed());
            trainSet = split.train();
            validationSet = split.validation();
        } else {
            trainSet = slices;
            validationSet = slices;
        }
        message("Training on " + trainSet.size() + " slice(s), validating on " + validationSet.size()
                + (validationSet == trainSet ? " (the training slices)" : "") + "; " + settings.sampling());
        MriValidation validation = new MriValidation(validationSet, settings.sampling().generator(),
                training.seed() + 7919);
        MriBatches batches = new MriBatches(trainSet, settings, training.batchSize(), training.seed());

        NDManager manager = newManager();
        try {
            AbstractBlock block = network.build();
            MriReconstructionModel.initialize(block, manager, training.seed());
            message(network + ": " + ParameterCounts.of(block));
            JsonObject description = describe(slices);
            MriReconstructionModel model = new MriReconstructionModel(manager, block, network, settings.sampling(),
                    description, null);
            Trainer trainer = newTrainer(block, manager, training, description, (b, store) -> validation.meanPsnr(model));
            TrainingResult result = trainer.train(batches);
            JsonObject meta = description.getAsJsonObject("training");
            meta.addProperty("steps_done", result.stepsDone());
            meta.addProperty("best_step", result.bestStep());
            meta.addProperty("best_validation_psnr", result.bestValidation());
            meta.addProperty("seconds", result.seconds());
            meta.addProperty("stopped_early", result.stoppedEarly());
            return new MriReconstructionModel(manager, block, network, settings.sampling(), description, result.log());
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private JsonObject describe(List<MriSlice> slices) {
        JsonObject d = new JsonObject();
        d.add("network", network.toJson());
        d.add("sampling", settings.sampling().toJson());
        d.add("mri_training", settings.toJson());
        d.addProperty("normalization", NORMALIZATION);
        d.addProperty("coils", 1);
        d.add("training", TrainingMetadata.of(training, "slices", slices.stream().map(MriSlice::name).toList()));
        return d;
    }
}
