package org.deepsplines.spline;

import java.util.Map;

/**
 * How activations are assigned to the elements of a layer's output.
 */
public enum ActivationMode {
    /**
     * One activation per channel, shared by all spatial positions: inputs (N, C), (N, C, L),
     * (N, C, H, W) or (N, C, D, H, W) with C activations.
     */
    CHANNEL,
    /**
     * One activation per unit of a dense layer: (N, C) gives C activations, (N, C, H, W) gives C·H·W.
     */
    UNIT;

    /** Lower-case name as used in JSON and on the command line. */
    public String id() {
        return EnumNames.nameOf(this);
    }

    /**
     * Parses "channel" (alias "conv") or "unit" (alias "fc").
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static ActivationMode parse(String text) {
        return EnumNames.parse(ActivationMode.class, "activation mode", text,
                Map.of("conv", CHANNEL, "fc", UNIT, "dense", UNIT));
    }
}
