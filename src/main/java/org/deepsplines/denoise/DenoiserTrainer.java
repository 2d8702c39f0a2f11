package org.deepsplines.denoise;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.deepsplines.data.DatasetSplit;
import org.deepsplines.data.GaussianNoise;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.NoisyBatch;
import org.deepsplines.data.PatchBatch;
import org.deepsplines.data.PatchSampler;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.train.Batch;
import org.deepsplines.train.BatchSource;
import org.deepsplines.train.Checkpoint;
import org.deepsplines.train.SparsityScan;
import org.deepsplines.train.TaskTrainer;
import org.deepsplines.train.Trainer;
import org.deepsplines.train.TrainingConfig;
import org.deepsplines.train.TrainingMetadata;
import org.deepsplines.train.TrainingResult;
import org.deepsplines.train.metrics.Psnr;

/**
 * Trains a residual denoiser on clean images with synthetic Gaussian noise: seeded random patches with
 * flips/rotations, σ fixed or drawn per patch from a range (blind model), fixed validation crops with
 * fixed noise, and optional sparsification of the learned splines afterwards.
 */
public final class DenoiserTrainer extends TaskTrainer<DenoiserTrainer> {
    private final DnCnnConfig architecture;
    private final TrainingConfig training;
    private final DenoiserSettings settings;

    public DenoiserTrainer(DnCnnConfig architecture, TrainingConfig training, DenoiserSettings settings) {
        this.architecture = architecture;
        this.training = training;
        this.settings = settings;
    }

    /** Continues the run stored in a checkpoint (same images, same settings). */
    public static DenoiserTrainer resuming(Checkpoint checkpoint) {
        return resuming(checkpoint, checkpoint.training().steps());
    }

    /**
     * Continues a checkpointed run up to {@code totalSteps} steps; a total at or below the checkpoint's
     * step ends at once and keeps the best model found so far.
     */
    public static DenoiserTrainer resuming(Checkpoint checkpoint, long totalSteps) {
        JsonObject m = checkpoint.model();
        DenoiserTrainer t = new DenoiserTrainer(DnCnnConfig.fromJson(m.getAsJsonObject("architecture")),
                resumedConfig(checkpoint, totalSteps), DenoiserSettings.fromJson(m.getAsJsonObject("denoiser")));
        t.resumeFrom(checkpoint);
        return t;
    }

    /** Trains on {@code images} (raw pixel values; each is normalised as the model will at inference). */
    public DenoiserModel train(List<GrayImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No training images were given.");
        }
        List<GrayImage> normalized = new ArrayList<>();
        for (GrayImage im : images) {
            PixelChecks.requireFinite(im);
            boolean volume = im.isVolume();
            if ((architecture.spatialDims() == 3) != volume) {
                throw new IllegalArgumentException(architecture.spatialDims() == 3
                        ? "A 3D model trains on z-stacks, but " + im.describe() + " is a 2D image."
                        : "A 2D model trains on 2D images, but " + im.describe()
                                + " is a volume; read stacks as separate slices or choose a 3D model.");
            }
            normalized.add(im.normalized(DenoiserModel.normalizationFor(im)));
        }
        List<GrayImage> trainSet;
        List<GrayImage> validationSet;
        if (normalized.size() >= 2 && settings.validationFraction() > 0) {
            DatasetSplit<GrayImage> split = DatasetSplit.split(normalized, settings.validationFraction(), training.seed());
            trainSet = split.train();
            validationSet = split.validation();
        } else {
            trainSet = normalized;
            validationSet = normalized;
        }
        int p = settings.patchSize();
        // Constructing the sampler validates that every image is at least one patch large.
        new PatchSampler(trainSet, p, training.seed());
        message("Training on " + trainSet.size() + " image(s), validating on " + validationSet.size()
                + (validationSet == trainSet ? " (crops of the training images)" : "") + "; noise " + settings.noise());

        PatchBatch valClean = PatchSampler.fixedCrops(validationSet, Math.min(p * 2, minSide(validationSet)),
                settings.validationCrops(), training.seed() + 17);
        NoisyBatch val = GaussianNoise.fixed(settings.noise().validationSigma() / 255.0, training.seed() + 29)
                .apply(valClean);

        NDManager manager = newManager();
        try {
            Block block = DnCnn.build(architecture);
            NetworkInitializer.initialize(block, manager, DnCnn.initShape(architecture, p), training.seed());
            message(architecture + ": " + ParameterCounts.of(block));
            JsonObject description = describe(images);
            DenoiserModel model = new DenoiserModel(manager, block, architecture, description, null);

            Trainer trainer = newTrainer(block, manager, training, description, (b, store) -> validationPsnr(model, val));
            TrainingResult result = trainer.train(batches(trainSet));
            JsonObject meta = description.getAsJsonObject("training");
            meta.addProperty("steps_done", result.stepsDone());
            meta.addProperty("best_step", result.bestStep());
            meta.addProperty("best_validation_psnr", result.bestValidation());
            meta.addProperty("seconds", result.seconds());
            meta.addProperty("stopped_early", result.stoppedEarly());
            if (Double.isFinite(settings.sparsifyTolerance())) {
                SparsityScan.Result s = SparsityScan.run(block, () -> validationPsnr(model, val),
                        settings.sparsifyTolerance());
                description.add("sparsity", s.toJson());
                message(s.describe());
            }
            return new DenoiserModel(manager, block, architecture, description, result.log());
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    /** Mean PSNR (dB, normalised range 1) of the network's output on the fixed validation crops. */
    static double validationPsnr(DenoiserModel model, NoisyBatch val) {
        PatchBatch clean = val.clean();
        float[] out = model.runBatch(val.noisy(), clean.shape(), 16);
        int per = clean.patchLength();
        double sum = 0;
        for (int i = 0; i < clean.count(); i++) {
            float[] ref = java.util.Arrays.copyOfRange(clean.data(), i * per, (i + 1) * per);
            float[] est = java.util.Arrays.copyOfRange(out, i * per, (i + 1) * per);
            sum += Math.min(Psnr.compute(ref, est, 1.0), 100.0);
        }
        return sum / clean.count();
    }

    /** Each step draws its patches and noise from seeds derived from the step, so resumes are exact. */
    private BatchSource batches(List<GrayImage> trainSet) {
        int p = settings.patchSize();
        NoiseRange n = settings.noise();
        long seed = training.seed();
        return (step, m) -> {
            PatchBatch clean = new PatchSampler(trainSet, p, mix(seed, step, 1)).augment(settings.augment())
                    .sample(training.batchSize());
            NoisyBatch noisy = new GaussianNoise(n.sigmaMin() / 255.0, n.sigmaMax() / 255.0, mix(seed, step, 2))
                    .apply(clean);
            Shape s = new Shape(clean.shape());
            return new Batch(m.create(noisy.noisy(), s), m.create(clean.data(), s));
        };
    }

    private JsonObject describe(List<GrayImage> images) {
        JsonObject d = new JsonObject();
        d.add("architecture", architecture.toJson());
        d.addProperty("normalization", "auto: 8-bit images /255, others by their own maximum");
        d.add("noise", settings.noise().toJson());
        d.add("denoiser", settings.toJson());
        d.add("training", TrainingMetadata.of(training, "images", images.stream().map(GrayImage::name).toList()));
        return d;
    }

    private static int minSide(List<GrayImage> images) {
        int m = Integer.MAX_VALUE;
        for (GrayImage im : images) {
            m = Math.min(m, Math.min(im.width(), im.height()));
        }
        return m;
    }

    static long mix(long seed, long step, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
