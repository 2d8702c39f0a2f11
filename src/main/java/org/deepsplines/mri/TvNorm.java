package org.deepsplines.mri;

/** How the total variation combines the horizontal and vertical finite differences of a complex image. */
public enum TvNorm {
    /** {@code sum sqrt(|dx|^2 + |dy|^2)}: rotation invariant, the usual choice. */
    ISOTROPIC,
    /** {@code sum |dx| + |dy|}: favours axis-aligned edges. */
    ANISOTROPIC
}
