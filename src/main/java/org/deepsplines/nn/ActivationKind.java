package org.deepsplines.nn;

import java.util.Arrays;
import java.util.Locale;

/** The nonlinearities a network can be built with; twins differ only in this choice. */
public enum ActivationKind {
    RELU, LEAKY_RELU, PRELU, SPLINE;

    /** Parses "relu", "leaky_relu" (or "leaky-relu"), "prelu", "spline"; case-insensitive. */
    public static ActivationKind parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ActivationKind k : values()) {
            if (k.name().equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown activation '" + name + "'. Use one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ".");
    }

    /** Lower-case name as used in configs and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
