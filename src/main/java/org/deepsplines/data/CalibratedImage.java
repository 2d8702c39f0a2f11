package org.deepsplines.data;

import ij.measure.Calibration;
import java.util.List;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * An ImgLib2 image converted from an ImageJ {@code ImagePlus}, with what is needed to convert it back:
 * which dimension is which axis, the spatial/temporal calibration and the source bit depth.
 *
 * @param image the pixels, dimensions in the order of {@code axes}
 * @param axes X, Y, then those of C, Z, T that have more than one position, in that order
 * @param calibration pixel size, units, frame interval, origin (a private copy)
 * @param bitDepth bit depth of the source (8, 16 or 32)
 * @param title the source image's title
 * @param <T> pixel type
 */
public record CalibratedImage<T extends RealType<T> & NativeType<T>>(
        Img<T> image, List<ImageAxis> axes, Calibration calibration, int bitDepth, String title) {

    /** Checks that the axes match the image's dimensions. */
    public CalibratedImage {
        axes = List.copyOf(axes);
        if (axes.size() != image.numDimensions()) {
            throw new IllegalArgumentException("Image has " + image.numDimensions() + " dimensions but "
                    + axes.size() + " axes were given: " + axes);
        }
    }

    /** Number of positions along {@code axis} (1 when the axis is absent). */
    public long size(ImageAxis axis) {
        int d = axes.indexOf(axis);
        return d < 0 ? 1 : image.dimension(d);
    }

    /**
     * The tensor layout of this image: XY → {@link ImageLayout#YX}, XYZ → {@link ImageLayout#ZYX},
     * XYC → {@link ImageLayout#CYX}, XYCZ → {@link ImageLayout#ZCYX}.
     *
     * @throws IllegalArgumentException when the image has a time axis (process frames one by one, e.g.
     *         with {@code Views.hyperSlice(image, axes.indexOf(T), t)})
     */
    public ImageLayout layout() {
        if (axes.contains(ImageAxis.T)) {
            throw new IllegalArgumentException("Image '" + title + "' has a time axis (" + size(ImageAxis.T)
                    + " frames); process the frames one at a time");
        }
        boolean c = axes.contains(ImageAxis.C);
        boolean z = axes.contains(ImageAxis.Z);
        if (c && z) {
            return ImageLayout.ZCYX;
        }
        return c ? ImageLayout.CYX : (z ? ImageLayout.ZYX : ImageLayout.YX);
    }
}
