package org.deepsplines.nn;

import com.google.gson.JsonObject;
import org.deepsplines.spline.SplineConfig;

/**
 * Which activation a network uses. For splines it carries a template {@link SplineConfig} whose
 * activation count is filled in per layer (one spline per channel).
 */
public final class ActivationSpec {
    private final ActivationKind kind;
    private final SplineConfig spline;

    private ActivationSpec(ActivationKind kind, SplineConfig spline) {
        this.kind = kind;
        this.spline = spline;
    }

    public static ActivationSpec of(ActivationKind kind) {
        if (kind == ActivationKind.SPLINE) {
            throw new IllegalArgumentException("A spline activation needs its spline settings: use ActivationSpec.spline(...)");
        }
        return new ActivationSpec(kind, null);
    }

    public static ActivationSpec spline(SplineConfig template) {
        return new ActivationSpec(ActivationKind.SPLINE, template);
    }

    public ActivationKind kind() {
        return kind;
    }

    /** The spline template, or null for fixed activations. */
    public SplineConfig splineTemplate() {
        return spline;
    }

    public boolean isSpline() {
        return kind == ActivationKind.SPLINE;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind.id());
        if (spline != null) {
            o.add("spline", spline.toJson());
        }
        return o;
    }

    public static ActivationSpec fromJson(JsonObject o) {
        ActivationKind k = ActivationKind.parse(o.get("kind").getAsString());
        if (k == ActivationKind.SPLINE) {
            if (!o.has("spline")) {
                throw new IllegalArgumentException("Model config: spline activation without 'spline' settings");
            }
            return spline(SplineConfig.fromJson(o.getAsJsonObject("spline")));
        }
        return of(k);
    }

    @Override
    public String toString() {
        if (spline == null) {
            return kind.id();
        }
        // Six significant digits: a grid of 4/20 prints as 0.2, not 0.19999999999999998.
        String grid = new java.math.BigDecimal(spline.grid(), new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
        return kind.id() + "(S=" + spline.size() + ", T=" + grid + ", init="
                + spline.init().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
