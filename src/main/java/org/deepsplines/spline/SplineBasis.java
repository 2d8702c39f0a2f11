package org.deepsplines.spline;

import java.util.Map;

/**
 * Basis in which the linear-spline activations are parameterised. Both span the same function space;
 * they differ in conditioning.
 */
public enum SplineBasis {
    /** Local linear B-splines (well conditioned; the default). */
    BSPLINE,
    /** Shifted ReLUs plus a linear term (badly conditioned; kept for comparison). */
    RELU;

    /** Lower-case name as used in JSON and on the command line. */
    public String id() {
        return EnumNames.nameOf(this);
    }

    /**
     * Parses "bspline" (alias "b-spline") or "relu".
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static SplineBasis parse(String text) {
        return EnumNames.parse(SplineBasis.class, "spline basis", text, Map.of("b_spline", BSPLINE));
    }
}
