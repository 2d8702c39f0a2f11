package org.deepsplines.denoise;

import com.google.gson.JsonObject;

/**
 * The Gaussian noise levels a denoiser is trained for, as σ on the 0–255 scale (σ/255 in normalised
 * units). A range makes a blind model; equal ends a fixed-σ model.
 */
public record NoiseRange(double sigmaMin, double sigmaMax) {
    public NoiseRange {
        if (!(sigmaMin >= 0) || !(sigmaMax >= sigmaMin) || !Double.isFinite(sigmaMax)) {
            throw new IllegalArgumentException("Noise range must satisfy 0 ≤ σmin ≤ σmax (got " + sigmaMin + " to "
                    + sigmaMax + "); σ is on the 0–255 scale, e.g. 25");
        }
    }

    public static NoiseRange fixed(double sigma) {
        return new NoiseRange(sigma, sigma);
    }

    public boolean isBlind() {
        return sigmaMax > sigmaMin;
    }

    /** σ used for validation: the middle of the range. */
    public double validationSigma() {
        return 0.5 * (sigmaMin + sigmaMax);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("sigma_min", sigmaMin);
        o.addProperty("sigma_max", sigmaMax);
        o.addProperty("scale", 255);
        return o;
    }

    public static NoiseRange fromJson(JsonObject o) {
        return new NoiseRange(o.get("sigma_min").getAsDouble(), o.get("sigma_max").getAsDouble());
    }

    @Override
    public String toString() {
        return isBlind() ? "σ " + fmt(sigmaMin) + "–" + fmt(sigmaMax) : "σ " + fmt(sigmaMin);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
