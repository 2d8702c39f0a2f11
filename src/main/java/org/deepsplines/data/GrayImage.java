package org.deepsplines.data;

import java.util.Arrays;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One single-channel 2D image or 3D volume held as a flat float array, X fastest then Y then Z
 * (the row-major order of a {@code (D, H, W)} tensor). This is the unit the training data tools work on.
 *
 * @param name where the image came from (file name, "slice 3 of x.tif", ...), used in messages
 * @param pixels {@code width * height * depth} values; not copied, so callers may share it
 * @param width size along X
 * @param height size along Y
 * @param depth size along Z; 1 for a 2D image
 * @param bitDepth the bit depth of the source (8, 16 or 32), or 0 when unknown; used to pick a
 *        {@link Normalization}
 */
public record GrayImage(String name, float[] pixels, int width, int height, int depth, int bitDepth) {

    /** Checks that the sizes match the pixel count. */
    public GrayImage {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1 || depth < 1) {
            throw new IllegalArgumentException("Image '" + name + "' has an empty size " + width + "x" + height
                    + "x" + depth);
        }
        if ((long) width * height * depth != pixels.length) {
            throw new IllegalArgumentException("Image '" + name + "': " + pixels.length + " pixels do not match size "
                    + width + "x" + height + "x" + depth);
        }
    }

    /** A 2D image. */
    public static GrayImage of2D(String name, float[] pixels, int width, int height, int bitDepth) {
        return new GrayImage(name, pixels, width, height, 1, bitDepth);
    }

    /**
     * Copies a 2D {@code (X, Y)} or 3D {@code (X, Y, Z)} ImgLib2 image. The array is shared instead of
     * copied when the image is an {@code ArrayImg<FloatType>}.
     *
     * @param bitDepth the source bit depth (8, 16, 32) or 0 when unknown
     */
    public static GrayImage fromImg(String name, RandomAccessibleInterval<? extends RealType<?>> image, int bitDepth) {
        int n = image.numDimensions();
        if (n != 2 && n != 3) {
            throw new IllegalArgumentException("Image '" + name + "' must be 2D (X,Y) or 3D (X,Y,Z) with one channel,"
                    + " but it has " + n + " dimensions");
        }
        ImageLayout layout = n == 2 ? ImageLayout.YX : ImageLayout.ZYX;
        float[] data = ImgTensors.toFloatArray(image, layout);
        return new GrayImage(name, data, (int) image.dimension(0), (int) image.dimension(1),
                n == 3 ? (int) image.dimension(2) : 1, bitDepth);
    }

    /** True when the image has more than one Z plane. */
    public boolean isVolume() {
        return depth > 1;
    }

    /** Number of pixels (voxels). */
    public int size() {
        return pixels.length;
    }

    /** The pixel at (x, y, z). */
    public float get(int x, int y, int z) {
        return pixels[(z * height + y) * width + x];
    }

    /** The image as an ImgLib2 {@code (X, Y)} or {@code (X, Y, Z)} image sharing the pixel array. */
    public Img<FloatType> toImg() {
        return isVolume() ? ArrayImgs.floats(pixels, width, height, depth) : ArrayImgs.floats(pixels, width, height);
    }

    /** The smallest and largest pixel value as {@code {min, max}}. */
    public float[] minMax() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : pixels) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return new float[] {lo, hi};
    }

    /** A copy whose pixels are {@code normalization} applied to these. */
    public GrayImage normalized(Normalization normalization) {
        return new GrayImage(name, normalization.normalize(pixels), width, height, depth, bitDepth);
    }

    /** A short description "name (WxH, 8-bit)" for messages. */
    public String describe() {
        return name + " (" + width + "x" + height + (isVolume() ? "x" + depth : "")
                + (bitDepth > 0 ? ", " + bitDepth + "-bit" : "") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && g.depth == depth
                && g.bitDepth == bitDepth && g.name.equals(name) && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + describe() + "]";
    }
}
