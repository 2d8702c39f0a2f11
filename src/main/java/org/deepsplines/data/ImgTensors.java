package org.deepsplines.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Converts between ImgLib2 images and float32 network tensors {@code (N, C, H, W)} or
 * {@code (N, C, D, H, W)}.
 *
 * <p>ImgLib2's flat layout (X fastest) is the row-major order of a tensor whose last axis is W, so an
 * {@code ArrayImg<FloatType>} in a layout with {@link ImageLayout#matchesTensorOrder()} is used as it
 * is: its backing {@code float[]} is the tensor data (no Java-side copy; DJL still copies it once into
 * native memory). Other images are copied once, in flat order. Tensors come back as an
 * {@code ArrayImg<FloatType>} that wraps the array returned by {@link NDArray#toFloatArray()}.
 */
public final class ImgTensors {

    private ImgTensors() {
    }

    /**
     * The pixels of {@code image} as one float array in tensor order ({@code C, [D,] H, W}, W fastest).
     * When {@code image} is an {@code ArrayImg<FloatType>} and the layout needs no reorder, the returned
     * array IS the image's backing array (writes to one show in the other).
     */
    public static float[] toFloatArray(RandomAccessibleInterval<? extends RealType<?>> image, ImageLayout layout) {
        checkLayout(image, layout);
        float[] backing = backingArray(image);
        if (backing != null && layout.matchesTensorOrder()) {
            return backing;
        }
        float[] out = new float[checkedSize(Intervals.numElements(image))];
        RandomAccessibleInterval<? extends RealType<?>> ordered = layout.matchesTensorOrder()
                ? image : Views.permute(image, 2, 3); // (X,Y,C,Z) -> (X,Y,Z,C)
        copyFlat(ordered, out, 0);
        return out;
    }

    /** The tensor shape {@code (1, C, H, W)} or {@code (1, C, D, H, W)} of one image in this layout. */
    public static long[] tensorShape(RandomAccessibleInterval<?> image, ImageLayout layout) {
        checkLayout(image, layout);
        long w = image.dimension(0);
        long h = image.dimension(1);
        long c = layout.hasChannels() ? image.dimension(layout.channelDimension()) : 1;
        if (layout.isVolumetric()) {
            return new long[] {1, c, image.dimension(layout.zDimension()), h, w};
        }
        return new long[] {1, c, h, w};
    }

    /** One image as a float32 tensor {@code (1, C, H, W)} or {@code (1, C, D, H, W)} on {@code manager}. */
    public static NDArray toNDArray(RandomAccessibleInterval<? extends RealType<?>> image, ImageLayout layout,
            NDManager manager) {
        return manager.create(toFloatArray(image, layout), new Shape(tensorShape(image, layout)));
    }

    /**
     * Stacks same-size images along the batch axis into one float array ({@code N, C, [D,] H, W}).
     *
     * @throws IllegalArgumentException when the list is empty or the images differ in size
     */
    public static float[] stackToFloatArray(List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
            ImageLayout layout) {
        stackShape(images, layout); // validates equal sizes and the layout
        int per = checkedSize(Intervals.numElements(images.get(0)));
        float[] out = new float[checkedSize((long) per * images.size())];
        for (int i = 0; i < images.size(); i++) {
            RandomAccessibleInterval<? extends RealType<?>> img = images.get(i);
            float[] backing = backingArray(img);
            if (backing != null && layout.matchesTensorOrder()) {
                System.arraycopy(backing, 0, out, i * per, per);
            } else {
                copyFlat(layout.matchesTensorOrder() ? img : Views.permute(img, 2, 3), out, i * per);
            }
        }
        return out;
    }

    /** Tensor shape {@code (N, C, [D,] H, W)} of a stack of same-size images. */
    public static long[] stackShape(List<? extends RandomAccessibleInterval<?>> images, ImageLayout layout) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Cannot stack an empty list of images");
        }
        long[] first = Intervals.dimensionsAsLongArray(images.get(0));
        for (int i = 1; i < images.size(); i++) {
            long[] dims = Intervals.dimensionsAsLongArray(images.get(i));
            if (!Arrays.equals(first, dims)) {
                throw new IllegalArgumentException("Images to stack must have the same size: image 0 is "
                        + Arrays.toString(first) + ", image " + i + " is " + Arrays.toString(dims));
            }
        }
        long[] shape = tensorShape(images.get(0), layout);
        shape[0] = images.size();
        return shape;
    }

    /** Stacks same-size images into one float32 tensor {@code (N, C, [D,] H, W)} on {@code manager}. */
    public static NDArray stack(List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
            ImageLayout layout, NDManager manager) {
        return manager.create(stackToFloatArray(images, layout), new Shape(stackShape(images, layout)));
    }

    /**
     * Wraps tensor data {@code (C, [D,] H, W)} (W fastest) as an ImgLib2 image in {@code layout} without
     * copying when the layout matches tensor order; {@link ImageLayout#ZCYX} is reordered into a new array.
     *
     * @param chw the shape without the batch axis
     */
    public static Img<FloatType> toImg(float[] data, long[] chw, ImageLayout layout) {
        long[] dims = layout.imgDimensions(chw);
        if (Intervals.numElements(dims) != data.length) {
            throw new IllegalArgumentException("Tensor data has " + data.length + " values but shape "
                    + Arrays.toString(chw) + " needs " + Intervals.numElements(dims));
        }
        if (layout.matchesTensorOrder()) {
            return ArrayImgs.floats(data, dims);
        }
        // data is (C, D, H, W); the image wants (X, Y, C, Z), i.e. (Z, C, H, W) row-major.
        int c = (int) chw[0];
        int d = (int) chw[1];
        int plane = (int) (chw[2] * chw[3]);
        float[] out = new float[data.length];
        for (int ci = 0; ci < c; ci++) {
            for (int zi = 0; zi < d; zi++) {
                System.arraycopy(data, (ci * d + zi) * plane, out, (zi * c + ci) * plane, plane);
            }
        }
        return ArrayImgs.floats(out, dims);
    }

    /**
     * Converts a tensor {@code (1, C, [D,] H, W)} (or without the batch axis) into an ImgLib2 image.
     * The array is converted to float32 when it has another type.
     */
    public static Img<FloatType> toImg(NDArray tensor, ImageLayout layout) {
        long[] shape = tensor.getShape().getShape();
        int rank = layout.tensorRank();
        if (shape.length == rank) {
            if (shape[0] != 1) {
                throw new IllegalArgumentException("Tensor holds a batch of " + shape[0]
                        + " images; use toImgs to split it");
            }
            shape = Arrays.copyOfRange(shape, 1, shape.length);
        } else if (shape.length != rank - 1) {
            throw new IllegalArgumentException("Layout " + layout + " needs a tensor of rank " + rank
                    + " but got shape " + tensor.getShape());
        }
        return toImg(floatData(tensor), shape, layout);
    }

    /** Splits a batch tensor {@code (N, C, [D,] H, W)} into N images. */
    public static List<Img<FloatType>> toImgs(NDArray batch, ImageLayout layout) {
        long[] shape = batch.getShape().getShape();
        if (shape.length != layout.tensorRank()) {
            throw new IllegalArgumentException("Layout " + layout + " needs a tensor of rank "
                    + layout.tensorRank() + " but got shape " + batch.getShape());
        }
        float[] all = floatData(batch);
        int n = (int) shape[0];
        long[] chw = Arrays.copyOfRange(shape, 1, shape.length);
        int per = all.length / Math.max(1, n);
        Img<FloatType>[] out = newImgArray(n);
        for (int i = 0; i < n; i++) {
            out[i] = toImg(Arrays.copyOfRange(all, i * per, (i + 1) * per), chw, layout);
        }
        return List.of(out);
    }

    /**
     * The backing array of an {@code ArrayImg<FloatType>} (always its full, flat pixel data), or
     * {@code null} for any other image.
     */
    public static float[] backingArray(RandomAccessibleInterval<?> image) {
        if (image instanceof ArrayImg) {
            ArrayImg<?, ?> arrayImg = (ArrayImg<?, ?>) image;
            Object access = arrayImg.update(null);
            if (access instanceof FloatArray && arrayImg.firstElement() instanceof FloatType) {
                return ((FloatArray) access).getCurrentStorageArray();
            }
        }
        return null;
    }

    private static float[] floatData(NDArray tensor) {
        if (tensor.getDataType() == DataType.FLOAT32) {
            return tensor.toFloatArray();
        }
        try (NDArray f = tensor.toType(DataType.FLOAT32, true)) {
            return f.toFloatArray();
        }
    }

    private static void copyFlat(RandomAccessibleInterval<? extends RealType<?>> image, float[] out, int offset) {
        Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
        int i = offset;
        while (c.hasNext()) {
            out[i++] = c.next().getRealFloat();
        }
    }

    private static void checkLayout(RandomAccessibleInterval<?> image, ImageLayout layout) {
        if (image.numDimensions() != layout.numDimensions()) {
            throw new IllegalArgumentException("Layout " + layout + " needs an image with "
                    + layout.numDimensions() + " dimensions but the image has " + image.numDimensions()
                    + " " + Arrays.toString(Intervals.dimensionsAsLongArray(image)));
        }
    }

    private static int checkedSize(long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Image has " + n + " values, more than one Java array can hold;"
                    + " process it in tiles");
        }
        return (int) n;
    }

    @SuppressWarnings("unchecked")
    private static Img<FloatType>[] newImgArray(int n) {
        return (Img<FloatType>[]) new Img<?>[n];
    }
}
