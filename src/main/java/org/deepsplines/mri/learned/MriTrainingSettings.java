package org.deepsplines.mri.learned;

import com.google.gson.JsonObject;

/**
 * What a reconstruction network is trained on, besides the optimiser settings.
 *
 * @param sampling acquisition to simulate
 * @param perSampleMasks draw a new mask for every example (seeded by step and position, so resumes are exact);
 *     false = one fixed mask per slice size (seed {@code seed})
 * @param validationFraction fraction of the slices held out for validation (0 = validate on training slices)
 * @param flips random horizontal/vertical flips of the ground truth
 * @param randomPhaseProbability probability that an example's ground truth is multiplied by a random smooth
 *     phase (a constant plus linear ramps), so the network also meets complex-valued images
 */
public record MriTrainingSettings(MriSampling sampling, boolean perSampleMasks, double validationFraction,
        boolean flips, double randomPhaseProbability) {

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
    }

    /** Per-sample masks, 10 % validation, flips, random phase on half of the examples. */
    public static MriTrainingSettings defaults(MriSampling sampling) {
        return new MriTrainingSettings(sampling, true, 0.1, true, 0.5);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("per_sample_masks", perSampleMasks);
        o.addProperty("validation_fraction", validationFraction);
        o.addProperty("flips", flips);
        o.addProperty("random_phase_probability", randomPhaseProbability);
        return o;
    }

    /** Reads {@link #toJson()} (the sampling is stored separately). */
    public static MriTrainingSettings fromJson(MriSampling sampling, JsonObject o) {
        return new MriTrainingSettings(sampling, o.get("per_sample_masks").getAsBoolean(),
                o.get("validation_fraction").getAsDouble(), o.get("flips").getAsBoolean(),
                o.get("random_phase_probability").getAsDouble());
    }
}
