package org.deepsplines.denoise;

import com.google.gson.JsonObject;

/**
 * Denoising-specific training settings: patch size, noise levels, validation and optional
 * sparsification after training.
 *
 * @param patchSize side of the square training patches (pixels)
 * @param noise noise levels to train for (0–255 scale)
 * @param validationFraction share of the images held out for validation (0 uses crops of the training images)
 * @param validationCrops number of fixed validation crops
 * @param augment random flips and 90° rotations of training patches
 * @param sparsifyTolerance after training, prune spline knots while validation PSNR drops by at most
 *     this many dB (NaN: no sparsification)
 */
public record DenoiserSettings(int patchSize, NoiseRange noise, double validationFraction, int validationCrops,
        boolean augment, double sparsifyTolerance) {

    public DenoiserSettings {
        if (patchSize < 8) {
            throw new IllegalArgumentException("Patch size must be at least 8 pixels (got " + patchSize + ")");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("Validation fraction must be in [0, 1) (got " + validationFraction + ")");
        }
        if (validationCrops < 1) {
            throw new IllegalArgumentException("Need at least one validation crop (got " + validationCrops + ")");
        }
    }

    /** Defaults: 40-pixel patches, blind σ 0–50, 20% of the images for validation, 32 crops. */
    public static DenoiserSettings defaults() {
        return new DenoiserSettings(40, new NoiseRange(0, 50), 0.2, 32, true, Double.NaN);
    }

    public DenoiserSettings withNoise(NoiseRange n) {
        return new DenoiserSettings(patchSize, n, validationFraction, validationCrops, augment, sparsifyTolerance);
    }

    public DenoiserSettings withPatchSize(int p) {
        return new DenoiserSettings(p, noise, validationFraction, validationCrops, augment, sparsifyTolerance);
    }

    public DenoiserSettings withValidation(double fraction, int crops) {
        return new DenoiserSettings(patchSize, noise, fraction, crops, augment, sparsifyTolerance);
    }

    public DenoiserSettings withSparsifyTolerance(double db) {
        return new DenoiserSettings(patchSize, noise, validationFraction, validationCrops, augment, db);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("patch_size", patchSize);
        o.add("noise", noise.toJson());
        o.addProperty("validation_fraction", validationFraction);
        o.addProperty("validation_crops", validationCrops);
        o.addProperty("augment", augment);
        if (Double.isFinite(sparsifyTolerance)) {
            o.addProperty("sparsify_tolerance_db", sparsifyTolerance);
        }
        return o;
    }

    public static DenoiserSettings fromJson(JsonObject o) {
        return new DenoiserSettings(o.get("patch_size").getAsInt(), NoiseRange.fromJson(o.getAsJsonObject("noise")),
                o.get("validation_fraction").getAsDouble(), o.get("validation_crops").getAsInt(),
                o.get("augment").getAsBoolean(),
                o.has("sparsify_tolerance_db") ? o.get("sparsify_tolerance_db").getAsDouble() : Double.NaN);
    }
}
