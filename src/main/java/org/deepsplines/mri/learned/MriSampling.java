package org.deepsplines.mri.learned;

import com.google.gson.JsonObject;
import java.util.Locale;
import org.deepsplines.mri.MaskGenerator;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.PhaseEncodeAxis;

/**
 * The acquisition a model is trained for: mask family, target acceleration, fully sampled centre fraction
 * (null = {@link MaskGenerator#defaultCenterFraction}) and phase-encode axis of line masks.
 *
 * @param maskType mask family
 * @param acceleration target acceleration R &gt; 1
 * @param centerFraction centre fraction, or null for the default {@code 0.32 / R}
 * @param axis phase-encode axis (line masks)
 */
public record MriSampling(MaskType maskType, double acceleration, Double centerFraction, PhaseEncodeAxis axis) {

    /** Validates (acceleration above 1, centre fraction in [0, 1)). */
    public MriSampling {
        MaskGenerator.requireAcceleration(acceleration);
        if (centerFraction != null) {
            MaskGenerator.requireCenterFraction(centerFraction);
        }
        if (axis == null) {
            axis = PhaseEncodeAxis.X;
        }
    }

    /** Default centre and phase-encode axis. */
    public static MriSampling of(MaskType type, double acceleration) {
        return new MriSampling(type, acceleration, null, PhaseEncodeAxis.X);
    }

    /** The mask generator. */
    public MaskGenerator generator() {
        return maskType.generator(acceleration, centerFraction, axis);
    }

    /** Centre fraction actually used. */
    public double effectiveCenterFraction() {
        return centerFraction == null ? MaskGenerator.defaultCenterFraction(acceleration) : centerFraction;
    }

    /** Short name such as {@code cartesian-4x}, as used for bundled model resources. */
    public String settingName() {
        return settingName(maskType, acceleration);
    }

    /** {@code cartesian-4x}, {@code radial-6.5x}, ... */
    public static String settingName(MaskType type, double acceleration) {
        String r = acceleration == Math.rint(acceleration) ? Long.toString((long) acceleration)
                : String.format(Locale.ROOT, "%s", acceleration);
        return type + "-" + r + "x";
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("mask", maskType.toString());
        o.addProperty("acceleration", acceleration);
        o.addProperty("center_fraction", effectiveCenterFraction());
        o.addProperty("phase_encode", axis.name().toLowerCase(Locale.ROOT));
        return o;
    }

    public static MriSampling fromJson(JsonObject o) {
        return new MriSampling(MaskType.parse(o.get("mask").getAsString()), o.get("acceleration").getAsDouble(),
                o.has("center_fraction") ? o.get("center_fraction").getAsDouble() : null,
                o.has("phase_encode") && o.get("phase_encode").getAsString().equalsIgnoreCase("y")
                        ? PhaseEncodeAxis.Y : PhaseEncodeAxis.X);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s mask, R = %s, centre %.3f%s", maskType, acceleration,
                effectiveCenterFraction(), maskType == MaskType.RADIAL ? " (unused by radial)" : "");
    }
}
