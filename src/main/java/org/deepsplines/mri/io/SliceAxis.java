package org.deepsplines.mri.io;

/**
 * The volume axis a 2D slice is perpendicular to. For a volume in RAS-like storage (as MNI templates
 * such as Colin27) these are the sagittal (X), coronal (Y) and axial (Z) planes.
 */
public enum SliceAxis {
    /** Sagittal for RAS data: slice width = ny, height = nz. */
    X,
    /** Coronal for RAS data: slice width = nx, height = nz. */
    Y,
    /** Axial for RAS data: slice width = nx, height = ny. */
    Z;

    /** Parses x/y/z or sagittal/coronal/axial. */
    public static SliceAxis parse(String name) {
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "x":
            case "sagittal":
                return X;
            case "y":
            case "coronal":
                return Y;
            case "z":
            case "axial":
                return Z;
            default:
                throw new IllegalArgumentException("unknown slice axis '" + name + "'; use x, y or z"
                        + " (sagittal, coronal, axial)");
        }
    }
}
