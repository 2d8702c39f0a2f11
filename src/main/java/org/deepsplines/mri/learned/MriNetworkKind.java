package org.deepsplines.mri.learned;

import java.util.Locale;

/** The two learned reconstruction designs. */
public enum MriNetworkKind {
    /** Residual CNN applied once to the zero-filled image ({@link PostProcessingNetwork}). */
    POST,
    /** K iterations of residual CNN and data consistency ({@link UnrolledNetwork}). */
    UNROLLED;

    /** Lower-case name used in model files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "post" or "unrolled", case-insensitively. */
    public static MriNetworkKind parse(String name) {
        for (MriNetworkKind k : values()) {
            if (k.id().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "'; use post (CNN on the zero-filled image)"
                + " or unrolled (CNN alternated with data consistency)");
    }
}
