package org.deepsplines.spline;

import java.util.Map;

/**
 * The function whose samples on the knot grid become the initial spline coefficients.
 */
public enum SplineInit {
    /** max(0, x). */
    RELU,
    /** max(0.01·x, x). */
    LEAKY_RELU,
    /** x. */
    IDENTITY,
    /** First half of the activations |x|, the rest soft-threshold(x, 0.5). */
    EVEN_ODD,
    /** Leaky ReLU plus a seeded Gaussian perturbation of standard deviation {@code perturbSigma}. */
    RANDOM;

    /** Lower-case name as used in JSON and on the command line, e.g. "leaky_relu". */
    public String id() {
        return EnumNames.nameOf(this);
    }

    /**
     * Parses a name such as "leaky_relu", "leaky-relu" or "RELU".
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static SplineInit parse(String text) {
        return EnumNames.parse(SplineInit.class, "spline initialisation", text,
                Map.of("leakyrelu", LEAKY_RELU, "leaky", LEAKY_RELU, "evenodd", EVEN_ODD));
    }
}
