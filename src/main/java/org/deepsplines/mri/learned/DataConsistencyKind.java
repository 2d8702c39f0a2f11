package org.deepsplines.mri.learned;

import java.util.Locale;

/** How an unrolled network puts the measured k-space back after each CNN. */
public enum DataConsistencyKind {
    /** Measured samples replace the predicted ones: {@code F^H((1 - M) F x + M y)}. */
    HARD,
    /**
     * Learned noise-aware weighting {@code F^H((F x + λ M y) / (1 + λ M))} with one trainable
     * {@code λ = exp(ρ) > 0} per iteration.
     */
    LEARNED;

    /** Lower-case name used in model files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "hard" or "learned", case-insensitively. */
    public static DataConsistencyKind parse(String name) {
        for (DataConsistencyKind k : values()) {
            if (k.id().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown data consistency '" + name + "'; use hard (replace the measured"
                + " samples) or learned (a trained weight per iteration)");
    }
}
