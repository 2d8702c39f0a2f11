package org.deepsplines.data;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Converts ImageJ {@link ImagePlus} images (8-, 16- and 32-bit grey, stacks and C/Z/T hyperstacks) to
 * ImgLib2 and back, keeping the calibration (pixel size, units, origin, frame interval).
 *
 * <p>ImgLib2 images get the dimensions X, Y and then those of C, Z, T that have more than one
 * position, in ImageJ's order; ImageJ's stack order (channel fastest, then slice, then frame) is the
 * ImgLib2 flat order of that image, so planes are copied in sequence. Conversions always copy, so
 * changing the result never changes the source image. Values are the raw stored values (a 16-bit
 * pixel of 40000 stays 40000, never a signed -25536); any density calibration stays in the recorded
 * {@link Calibration} and is dropped for 32-bit output.
 *
 * <p>RGB and 8-bit indexed-colour images are rejected with a message that says how to convert them,
 * unless luma conversion is asked for ({@link #toGrayImages(ImagePlus, boolean, boolean)}).
 */
public final class ImagePlusConverter {

    /** Error text appended when a colour image is given. */
    public static final String COLOR_HINT = "convert it first with Image > Type > 8-bit or 32-bit";

    private ImagePlusConverter() {
    }

    /**
     * Rejects the image types this plugin cannot treat as grey values.
     *
     * @throws IllegalArgumentException for RGB and 8-bit indexed-colour (COLOR_256) images
     */
    public static void requireGray(ImagePlus imp) {
        if (imp.getType() == ImagePlus.COLOR_RGB) {
            throw new IllegalArgumentException("Image '" + imp.getTitle() + "' is RGB colour; " + COLOR_HINT);
        }
        if (imp.getType() == ImagePlus.COLOR_256) {
            throw new IllegalArgumentException("Image '" + imp.getTitle() + "' is 8-bit indexed colour; "
                    + COLOR_HINT);
        }
    }

    /** Copies the image into a float ImgLib2 image. */
    public static CalibratedImage<FloatType> toFloatImg(ImagePlus imp) {
        requireGray(imp);
        ImageStack stack = imp.getStack();
        int plane = imp.getWidth() * imp.getHeight();
        float[] data = new float[checkedSize((long) plane * stack.getSize())];
        for (int s = 0; s < stack.getSize(); s++) {
            ImageProcessor ip = stack.getProcessor(s + 1);
            if (ip instanceof FloatProcessor) {
                System.arraycopy((float[]) ip.getPixels(), 0, data, s * plane, plane);
            } else {
                for (int i = 0; i < plane; i++) {
                    data[s * plane + i] = ip.getf(i); // getf reads 8/16-bit values unsigned
                }
            }
        }
        return new CalibratedImage<>(ArrayImgs.floats(data, dimensions(imp)), axes(imp),
                imp.getCalibration().copy(), imp.getBitDepth(), imp.getTitle());
    }

    /**
     * Copies the image into an ImgLib2 image of the matching type: {@link UnsignedByteType} for 8-bit,
     * {@link UnsignedShortType} for 16-bit, {@link FloatType} for 32-bit.
     */
    public static CalibratedImage<?> toTypedImg(ImagePlus imp) {
        requireGray(imp);
        if (imp.getBitDepth() == 32) {
            return toFloatImg(imp);
        }
        ImageStack stack = imp.getStack();
        int plane = imp.getWidth() * imp.getHeight();
        int n = checkedSize((long) plane * stack.getSize());
        Calibration cal = imp.getCalibration().copy();
        if (imp.getBitDepth() == 8) {
            byte[] data = new byte[n];
            for (int s = 0; s < stack.getSize(); s++) {
                System.arraycopy((byte[]) stack.getPixels(s + 1), 0, data, s * plane, plane);
            }
            Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(data, dimensions(imp));
            return new CalibratedImage<>(img, axes(imp), cal, 8, imp.getTitle());
        }
        short[] data = new short[n];
        for (int s = 0; s < stack.getSize(); s++) {
            System.arraycopy((short[]) stack.getPixels(s + 1), 0, data, s * plane, plane);
        }
        Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(data, dimensions(imp));
        return new CalibratedImage<>(img, axes(imp), cal, 16, imp.getTitle());
    }

    /**
     * Converts back to an ImagePlus with the recorded axes and calibration.
     *
     * @param outputBitDepth 32 for float output, or 8/16 to convert (values clamped to the type's
     *        range and rounded; NaN becomes 0)
     */
    public static ImagePlus toImagePlus(CalibratedImage<?> image, int outputBitDepth) {
        return toImagePlus(image.image(), image.axes(), image.calibration(), image.title(), outputBitDepth,
                image.bitDepth());
    }

    /**
     * Converts any real-valued ImgLib2 image to an ImagePlus.
     *
     * @param axes what each dimension is: X, Y, then a subset of C, Z, T in that order
     * @param calibration copied onto the result; may be null
     * @param outputBitDepth 8, 16 or 32; 8/16 clamp and round
     */
    public static ImagePlus toImagePlus(RandomAccessibleInterval<? extends RealType<?>> image, List<ImageAxis> axes,
            Calibration calibration, String title, int outputBitDepth) {
        return toImagePlus(image, axes, calibration, title, outputBitDepth, outputBitDepth);
    }

    private static ImagePlus toImagePlus(RandomAccessibleInterval<? extends RealType<?>> image, List<ImageAxis> axes,
            Calibration calibration, String title, int outputBitDepth, int sourceBitDepth) {
        if (outputBitDepth != 8 && outputBitDepth != 16 && outputBitDepth != 32) {
            throw new IllegalArgumentException("Output bit depth must be 8, 16 or 32, got " + outputBitDepth);
        }
        checkAxes(image, axes);
        int w = (int) image.dimension(0);
        int h = (int) image.dimension(1);
        int plane = w * h;
        int nc = (int) size(image, axes, ImageAxis.C);
        int nz = (int) size(image, axes, ImageAxis.Z);
        int nt = (int) size(image, axes, ImageAxis.T);
        ImageStack stack = new ImageStack(w, h);
        float[] backing = ImgTensors.backingArray(image);
        Cursor<? extends RealType<?>> cursor = backing == null ? Views.flatIterable(image).cursor() : null;
        float[] buf = new float[plane];
        for (int s = 0; s < nc * nz * nt; s++) {
            if (backing != null) {
                System.arraycopy(backing, s * plane, buf, 0, plane);
            } else {
                for (int i = 0; i < plane; i++) {
                    buf[i] = cursor.next().getRealFloat();
                }
            }
            stack.addSlice(null, toProcessor(buf, w, h, outputBitDepth));
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(nc, nz, nt);
        imp.setOpenAsHyperStack(nc > 1 || nt > 1);
        if (calibration != null) {
            Calibration cal = calibration.copy();
            if (outputBitDepth != sourceBitDepth) {
                cal.disableDensityCalibration(); // a 16-bit value function means nothing for other types
            }
            imp.setCalibration(cal);
        }
        imp.resetDisplayRange();
        return imp;
    }

    /**
     * Splits an ImagePlus into single-channel grey images for training.
     *
     * @param asVolumes false: every plane (each C, Z, T position) becomes a 2D image; true: each (C, T)
     *        position becomes a 3D volume over Z
     * @param rgbToLuma true to convert RGB / indexed colour to grey with the ITU-R BT.601 luma weights
     *        (0.299 R + 0.587 G + 0.114 B); false to reject colour with a message
     */
    public static List<GrayImage> toGrayImages(ImagePlus imp, boolean asVolumes, boolean rgbToLuma) {
        boolean colour = imp.getType() == ImagePlus.COLOR_RGB || imp.getType() == ImagePlus.COLOR_256;
        if (colour && !rgbToLuma) {
            requireGray(imp);
        }
        String title = imp.getTitle();
        int w = imp.getWidth();
        int h = imp.getHeight();
        int plane = w * h;
        int nc = imp.getNChannels();
        int nz = imp.getNSlices();
        int nt = imp.getNFrames();
        int bitDepth = colour ? 8 : imp.getBitDepth();
        ImageStack stack = imp.getStack();
        List<GrayImage> out = new ArrayList<>();
        for (int t = 1; t <= nt; t++) {
            for (int c = 1; c <= nc; c++) {
                float[] volume = asVolumes ? new float[checkedSize((long) plane * nz)] : null;
                for (int z = 1; z <= nz; z++) {
                    float[] p = planeAsFloat(stack.getProcessor(imp.getStackIndex(c, z, t)), colour);
                    if (asVolumes) {
                        System.arraycopy(p, 0, volume, (z - 1) * plane, plane);
                    } else {
                        out.add(GrayImage.of2D(planeName(title, c, nc, z, nz, t, nt), p, w, h, bitDepth));
                    }
                }
                if (asVolumes) {
                    out.add(new GrayImage(planeName(title, c, nc, 1, 1, t, nt), volume, w, h, nz, bitDepth));
                }
            }
        }
        return out;
    }

    /**
     * A 2D grey image (or a 3D volume when {@code depth > 1}) as an ImagePlus stack.
     *
     * @param calibration copied onto the result; may be null
     * @param outputBitDepth 8, 16 (clamped, rounded) or 32
     */
    public static ImagePlus toImagePlus(GrayImage image, Calibration calibration, int outputBitDepth) {
        List<ImageAxis> axes = image.isVolume() ? List.of(ImageAxis.X, ImageAxis.Y, ImageAxis.Z)
                : List.of(ImageAxis.X, ImageAxis.Y);
        return toImagePlus(image.toImg(), axes, calibration, image.name(), outputBitDepth,
                image.bitDepth() == 0 ? outputBitDepth : image.bitDepth());
    }

    private static float[] planeAsFloat(ImageProcessor ip, boolean colour) {
        int n = ip.getPixelCount();
        float[] p = new float[n];
        if (colour) {
            int[] rgb = (int[]) (ip instanceof ColorProcessor ? ip.getPixels() : ip.convertToRGB().getPixels());
            for (int i = 0; i < n; i++) {
                int v = rgb[i];
                p[i] = (float) (0.299 * ((v >> 16) & 0xff) + 0.587 * ((v >> 8) & 0xff) + 0.114 * (v & 0xff));
            }
        } else if (ip instanceof FloatProcessor) {
            System.arraycopy((float[]) ip.getPixels(), 0, p, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                p[i] = ip.getf(i);
            }
        }
        return p;
    }

    private static String planeName(String title, int c, int nc, int z, int nz, int t, int nt) {
        StringBuilder sb = new StringBuilder(title);
        List<String> parts = new ArrayList<>();
        if (nc > 1) {
            parts.add("c" + c);
        }
        if (nz > 1) {
            parts.add("z" + z);
        }
        if (nt > 1) {
            parts.add("t" + t);
        }
        if (!parts.isEmpty()) {
            sb.append(" [").append(String.join(",", parts)).append(']');
        }
        return sb.toString();
    }

    private static ImageProcessor toProcessor(float[] values, int w, int h, int bitDepth) {
        int n = w * h;
        switch (bitDepth) {
            case 8: {
                byte[] p = new byte[n];
                for (int i = 0; i < n; i++) {
                    p[i] = (byte) clampRound(values[i], 255);
                }
                return new ByteProcessor(w, h, p);
            }
            case 16: {
                short[] p = new short[n];
                for (int i = 0; i < n; i++) {
                    p[i] = (short) clampRound(values[i], 65535);
                }
                return new ShortProcessor(w, h, p, null);
            }
            default:
                return new FloatProcessor(w, h, values.clone());
        }
    }

    private static int clampRound(float v, int max) {
        if (!(v > 0)) {
            return 0; // also NaN
        }
        return v >= max ? max : Math.round(v);
    }

    private static long[] dimensions(ImagePlus imp) {
        List<Long> d = new ArrayList<>(List.of((long) imp.getWidth(), (long) imp.getHeight()));
        if (imp.getNChannels() > 1) {
            d.add((long) imp.getNChannels());
        }
        if (imp.getNSlices() > 1) {
            d.add((long) imp.getNSlices());
        }
        if (imp.getNFrames() > 1) {
            d.add((long) imp.getNFrames());
        }
        return d.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<ImageAxis> axes(ImagePlus imp) {
        List<ImageAxis> a = new ArrayList<>(List.of(ImageAxis.X, ImageAxis.Y));
        if (imp.getNChannels() > 1) {
            a.add(ImageAxis.C);
        }
        if (imp.getNSlices() > 1) {
            a.add(ImageAxis.Z);
        }
        if (imp.getNFrames() > 1) {
            a.add(ImageAxis.T);
        }
        return a;
    }

    private static void checkAxes(RandomAccessibleInterval<?> image, List<ImageAxis> axes) {
        if (axes.size() != image.numDimensions() || axes.size() < 2 || axes.get(0) != ImageAxis.X
                || axes.get(1) != ImageAxis.Y) {
            throw new IllegalArgumentException("Axes " + axes + " do not describe an image with "
                    + image.numDimensions() + " dimensions; they must start with X, Y");
        }
        int last = -1;
        for (int i = 2; i < axes.size(); i++) {
            int o = axes.get(i).ordinal();
            if (o <= last || o < ImageAxis.C.ordinal()) {
                throw new IllegalArgumentException("Axes " + axes + " must be X, Y, then C, Z, T in that order,"
                        + " each at most once");
            }
            last = o;
        }
        if ((long) image.dimension(0) * image.dimension(1) > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("Image is too large for one ImagePlus plane array");
        }
    }

    private static long size(RandomAccessibleInterval<?> image, List<ImageAxis> axes, ImageAxis axis) {
        int d = axes.indexOf(axis);
        return d < 0 ? 1 : image.dimension(d);
    }

    private static int checkedSize(long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Image has " + n + " values, more than one Java array can hold");
        }
        return (int) n;
    }
}
