package org.deepsplines.mri.learned;

import com.google.gson.JsonObject;
import org.deepsplines.mri.MaskType;

/**
 * What a reconstruction network is trained on, besides the optimiser settings.
 *
 * @param sampling acquisition to simulate
 * @param perSampleMasks draw a new mask for every example (seeded by step and position, so resumes are exact);
 *     false = one fixed mask per slice size (seed {@code seed})
 * @param validationFraction fraction of the slices held out for validation (0 = validate on training slices)
 * @param flips random flips and transpositions of the ground truth
 * @param randomPhaseProbability probability that an example's ground truth is multiplied by a random smooth
 *     phase (a constant plus linear ramps), so the network also meets complex-valued images
 * @param randomContrastProbability probability that an example's magnitude is remapped by a random
 *     intensity curve (see {@code ExampleAugmentation}), so that other tissue contrasts are met
 * @param readoutCrop 0 to train on whole slices; otherwise, for Cartesian line masks only, train on bands of
 *     this many pixels across the fully sampled readout direction (whole phase-encode extent). This is exact:
 *     with a mask constant along the readout axis, the Fourier transform along that axis cancels out of
 *     {@code F^H M F}, so zero filling and data consistency act on each readout position separately and a
 *     band is a complete, smaller instance of the same problem. It makes a step cheaper, not the task easier.
 */
public record MriTrainingSettings(MriSampling sampling, boolean perSampleMasks, double validationFraction,
        boolean flips, double randomPhaseProbability, double randomContrastProbability, int readoutCrop) {

    /** Validates ranges. */
    public MriTrainingSettings {
        if (sampling == null) {
            throw new IllegalArgumentException("the sampling settings are missing");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (!(randomPhaseProbability >= 0 && randomPhaseProbability <= 1)) {
            throw new IllegalArgumentException("random-phase probability must be in [0, 1], got "
                    + randomPhaseProbability);
        }
        if (!(randomContrastProbability >= 0 && randomContrastProbability <= 1)) {
            throw new IllegalArgumentException("random-contrast probability must be in [0, 1], got "
                    + randomContrastProbability);
        }
        if (readoutCrop < 0) {
            throw new IllegalArgumentException("readout crop must be 0 (whole slices) or positive, got " + readoutCrop);
        }
        if (readoutCrop > 0 && sampling.maskType() != MaskType.CARTESIAN && sampling.maskType() != MaskType.EQUISPACED) {
            throw new IllegalArgumentException("readout crops need Cartesian line masks (the mask must be constant"
                    + " along the readout axis); " + sampling.maskType() + " masks need whole slices (crop 0)");
        }
    }

    /**
     * Per-sample masks, 10 % validation, flips and transpositions, random phase and random contrast on half of
     * the examples each, whole slices.
     */
    public static MriTrainingSettings defaults(MriSampling sampling) {
        return new MriTrainingSettings(sampling, true, 0.1, true, 0.5, 0.5, 0);
    }

    /** The same settings with another readout crop. */
    public MriTrainingSettings withReadoutCrop(int pixels) {
        return new MriTrainingSettings(sampling, perSampleMasks, validationFraction, flips, randomPhaseProbability,
                randomContrastProbability, pixels);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("per_sample_masks", perSampleMasks);
        o.addProperty("validation_fraction", validationFraction);
        o.addProperty("flips", flips);
        o.addProperty("random_phase_probability", randomPhaseProbability);
        o.addProperty("random_contrast_probability", randomContrastProbability);
        o.addProperty("readout_crop", readoutCrop);
        return o;
    }

    /** Reads {@link #toJson()} (the sampling is stored separately). */
    public static MriTrainingSettings fromJson(MriSampling sampling, JsonObject o) {
        return new MriTrainingSettings(sampling, o.get("per_sample_masks").getAsBoolean(),
                o.get("validation_fraction").getAsDouble(), o.get("flips").getAsBoolean(),
                o.get("random_phase_probability").getAsDouble(),
                o.has("random_contrast_probability") ? o.get("random_contrast_probability").getAsDouble() : 0,
                o.has("readout_crop") ? o.get("readout_crop").getAsInt() : 0);
    }
}
