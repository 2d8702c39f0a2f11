package org.deepsplines.spline;

import java.util.Map;

/**
 * Constraint on the slopes of each activation, enforced by {@link LearnedActivation#applyConstraint()}
 * after every optimiser step.
 */
public enum SlopeConstraint {
    /** Free slopes. */
    NONE,
    /** Every slope clipped to [−1, 1], so the activation is 1-Lipschitz. */
    ONE_LIPSCHITZ,
    /** Every slope clipped to [0, ∞), so the activation is non-decreasing. */
    MONOTONE;

    /** Lower-case name as used in JSON and on the command line, e.g. "one_lipschitz". */
    public String id() {
        return EnumNames.nameOf(this);
    }

    /**
     * Parses "none", "1-lipschitz", "one_lipschitz", "lipschitz" or "monotone".
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static SlopeConstraint parse(String text) {
        return EnumNames.parse(SlopeConstraint.class, "slope constraint", text,
                Map.of("1_lipschitz", ONE_LIPSCHITZ, "lipschitz", ONE_LIPSCHITZ, "1lipschitz", ONE_LIPSCHITZ,
                        "monotonic", MONOTONE));
    }
}
