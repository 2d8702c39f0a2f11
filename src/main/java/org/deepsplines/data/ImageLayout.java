package org.deepsplines.data;

/**
 * Says which ImgLib2 dimension is which axis, so that an image can be turned into a network tensor.
 *
 * <p>The constant names list the axes from slowest to fastest, like a tensor shape; the ImgLib2
 * dimension order is the reverse (X is always dimension 0, the fastest in ImgLib2's flat layout).
 * For example {@link #CZYX} is an ImgLib2 image with dimensions {@code (X, Y, Z, C)}, which maps to a
 * tensor {@code (1, C, D, H, W)} without reordering. {@link #ZCYX} is ImageJ's hyperstack order
 * {@code (X, Y, C, Z)}; it needs a reorder (one copy) to become {@code (1, C, D, H, W)}.
 */
public enum ImageLayout {
    /** 2D, one channel: ImgLib2 {@code (X, Y)} → tensor {@code (1, 1, H, W)}. */
    YX(2, false, false),
    /** 3D volume, one channel: ImgLib2 {@code (X, Y, Z)} → tensor {@code (1, 1, D, H, W)}. */
    ZYX(3, true, false),
    /** 2D with channels: ImgLib2 {@code (X, Y, C)} → tensor {@code (1, C, H, W)}. */
    CYX(3, false, true),
    /** 3D with channels, channel slowest: ImgLib2 {@code (X, Y, Z, C)} → tensor {@code (1, C, D, H, W)}. */
    CZYX(4, true, true),
    /** 3D with channels in ImageJ order: ImgLib2 {@code (X, Y, C, Z)} → tensor {@code (1, C, D, H, W)} (reordered). */
    ZCYX(4, true, true);

    private final int numDimensions;
    private final boolean volumetric;
    private final boolean hasChannels;

    ImageLayout(int numDimensions, boolean volumetric, boolean hasChannels) {
        this.numDimensions = numDimensions;
        this.volumetric = volumetric;
        this.hasChannels = hasChannels;
    }

    /** Number of ImgLib2 dimensions an image in this layout has. */
    public int numDimensions() {
        return numDimensions;
    }

    /** True when the image has a Z axis (tensor rank 5), false for 2D (tensor rank 4). */
    public boolean isVolumetric() {
        return volumetric;
    }

    /** True when one ImgLib2 dimension is a channel axis. */
    public boolean hasChannels() {
        return hasChannels;
    }

    /** Rank of the tensor this layout maps to: 4 for (N,C,H,W), 5 for (N,C,D,H,W). */
    public int tensorRank() {
        return volumetric ? 5 : 4;
    }

    /** ImgLib2 dimension index of the channel axis, or -1 when there is none. */
    public int channelDimension() {
        switch (this) {
            case CYX: return 2;
            case CZYX: return 3;
            case ZCYX: return 2;
            default: return -1;
        }
    }

    /** ImgLib2 dimension index of the Z axis, or -1 for 2D layouts. */
    public int zDimension() {
        switch (this) {
            case ZYX: return 2;
            case CZYX: return 2;
            case ZCYX: return 3;
            default: return -1;
        }
    }

    /**
     * True when the flat ImgLib2 order (X fastest) equals the tensor's row-major order, so the pixel
     * array can be used as the tensor data without reordering.
     */
    public boolean matchesTensorOrder() {
        return this != ZCYX;
    }

    /**
     * ImgLib2 dimensions for a tensor shape without the batch axis, i.e. {@code (C, H, W)} or
     * {@code (C, D, H, W)}.
     *
     * @throws IllegalArgumentException when the shape does not fit this layout
     */
    public long[] imgDimensions(long[] chw) {
        int spatial = volumetric ? 3 : 2;
        if (chw.length != spatial + 1) {
            throw new IllegalArgumentException("Layout " + this + " needs a (C," + (volumetric ? "D," : "")
                    + "H,W) shape but got " + chw.length + " dimensions");
        }
        long c = chw[0];
        if (!hasChannels && c != 1) {
            throw new IllegalArgumentException("Layout " + this + " has no channel axis but the tensor has "
                    + c + " channels; use a layout with C");
        }
        long w = chw[chw.length - 1];
        long h = chw[chw.length - 2];
        long d = volumetric ? chw[1] : 1;
        switch (this) {
            case YX: return new long[] {w, h};
            case ZYX: return new long[] {w, h, d};
            case CYX: return new long[] {w, h, c};
            case CZYX: return new long[] {w, h, d, c};
            default: return new long[] {w, h, c, d};
        }
    }
}
