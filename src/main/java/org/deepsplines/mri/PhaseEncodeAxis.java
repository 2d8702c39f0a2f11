package org.deepsplines.mri;

/**
 * The image axis along which Cartesian k-space is phase encoded, i.e. the axis that line masks
 * undersample. Every acquired line is a full readout along the other axis.
 */
public enum PhaseEncodeAxis {
    /** Phase encoding along x (image columns): each acquired line is a whole k-space column. Default, as in fastMRI. */
    X,
    /** Phase encoding along y (image rows): each acquired line is a whole k-space row. */
    Y;

    /** Number of phase-encode lines for a k-space of this size. */
    public int lineCount(int width, int height) {
        return this == X ? width : height;
    }

    /** Parses "x" or "y" (case-insensitive). */
    public static PhaseEncodeAxis parse(String name) {
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "x":
                return X;
            case "y":
                return Y;
            default:
                throw new IllegalArgumentException("The phase-encode axis must be x or y, got '" + name + "'");
        }
    }

    /** What one line is called in messages. */
    String lineName() {
        return this == X ? "columns" : "rows";
    }
}
