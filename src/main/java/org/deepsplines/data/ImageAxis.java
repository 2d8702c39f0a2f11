package org.deepsplines.data;

/** The axes of an ImageJ hyperstack, in ImageJ's order X, Y, C (channel), Z (slice), T (frame). */
public enum ImageAxis {
    /** Width. */
    X,
    /** Height. */
    Y,
    /** Channel. */
    C,
    /** Slice (depth). */
    Z,
    /** Frame (time). */
    T
}
