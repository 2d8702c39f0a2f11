package org.deepsplines.mri.io;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.SamplingMask;

/**
 * Reads and writes MRI images and k-space through ImageJ ({@code ij.jar}).
 *
 * <p>Conventions: a magnitude image is any single-plane image ImageJ opens (8/16/32-bit, RGB is
 * converted to gray); a complex image or k-space is a two-slice 32-bit TIFF, slice 1 the real part and
 * slice 2 the imaginary part. Rows are y, columns x, as in {@link ComplexImage}. Masks are 8-bit TIFFs,
 * 255 where sampled and 0 elsewhere. All writers are atomic (see {@link AtomicFiles}).
 */
public final class MriImageFiles {
    private MriImageFiles() {
    }

    /**
     * Reads a magnitude image (imaginary part zero) or a two-slice real/imaginary 32-bit TIFF.
     *
     * @throws IOException if the file is missing or ImageJ cannot open it
     * @throws IllegalArgumentException if it is a stack that is not a complex pair
     */
    public static ComplexImage readImage(Path path) throws IOException {
        return fromImagePlus(open(path), path.toString());
    }

    /**
     * An open image as a complex image: one plane is a magnitude image (imaginary part zero), two 32-bit
     * slices are (real, imaginary).
     *
     * @param name used in error messages
     * @throws IllegalArgumentException for any other stack
     */
    public static ComplexImage fromImagePlus(ImagePlus imp, String name) {
        int slices = imp.getStackSize();
        if (slices == 1) {
            float[] values = floatPixels(imp.getStack().getProcessor(1));
            return ComplexImage.ofFloats(imp.getWidth(), imp.getHeight(), values, null);
        }
        if (slices == 2 && imp.getBitDepth() == 32) {
            return complexFromImagePlus(imp, name);
        }
        throw new IllegalArgumentException(name + " has " + slices + " slices of " + imp.getBitDepth()
                + "-bit data; expected one slice (a magnitude image) or two 32-bit slices (real, imaginary);"
                + " extract a single slice first");
    }

    /** A complex image as a two-slice 32-bit stack (slice 1 real, slice 2 imaginary). */
    public static ImagePlus complexImagePlus(ComplexImage image, String title) {
        ImageStack st = new ImageStack(image.width(), image.height());
        st.addSlice("real", new FloatProcessor(image.width(), image.height(), image.reFloat()));
        st.addSlice("imaginary", new FloatProcessor(image.width(), image.height(), image.imFloat()));
        ImagePlus imp = new ImagePlus(title, st);
        imp.resetDisplayRange();
        return imp;
    }

    /** A mask as an 8-bit image, 255 where sampled; its description goes into the image info. */
    public static ImagePlus maskImagePlus(SamplingMask mask, String title) {
        ByteProcessor bp = new ByteProcessor(mask.width(), mask.height(), mask.toBytes255());
        ImagePlus imp = new ImagePlus(title, bp);
        imp.setProperty("Info", mask.toString());
        return imp;
    }

    /** A single-plane 32-bit image (values copied). */
    public static ImagePlus floatImagePlus(float[] values, int width, int height, String title) {
        if (values.length != (long) width * height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " values, got " + values.length);
        }
        FloatProcessor fp = new FloatProcessor(width, height, values.clone());
        fp.resetMinAndMax();
        return new ImagePlus(title, fp);
    }

    /**
     * Reads a two-slice 32-bit real/imaginary TIFF.
     *
     * @throws IllegalArgumentException if the file is not such a pair
     */
    public static ComplexImage readComplex(Path path) throws IOException {
        return complexFromImagePlus(open(path), path.toString());
    }

    /**
     * An open two-slice 32-bit image (real, imaginary) as complex data, e.g. k-space.
     *
     * @param name used in error messages
     * @throws IllegalArgumentException if the image is not such a pair
     */
    public static ComplexImage complexFromImagePlus(ImagePlus imp, String name) {
        if (imp.getStackSize() != 2 || imp.getBitDepth() != 32) {
            throw new IllegalArgumentException(name + " is not complex data: expected two 32-bit slices (real,"
                    + " imaginary), found " + imp.getStackSize() + " slice(s) of " + imp.getBitDepth() + "-bit data");
        }
        ImageStack st = imp.getStack();
        return ComplexImage.ofFloats(imp.getWidth(), imp.getHeight(), floatPixels(st.getProcessor(1)),
                floatPixels(st.getProcessor(2)));
    }

    /** Reads a mask image: nonzero pixels are sampled. */
    public static SamplingMask readMask(Path path) throws IOException {
        return maskFromImagePlus(open(path), path.toString());
    }

    /**
     * An open single-plane image as a sampling mask: nonzero pixels are sampled.
     *
     * @param name used in error messages
     * @throws IllegalArgumentException for a stack
     */
    public static SamplingMask maskFromImagePlus(ImagePlus imp, String name) {
        if (imp.getStackSize() != 1) {
            throw new IllegalArgumentException(name + " has " + imp.getStackSize() + " slices, but a sampling mask is"
                    + " one plane (nonzero = sampled): choose the mask image");
        }
        return SamplingMask.fromValues(imp.getWidth(), imp.getHeight(), floatPixels(imp.getProcessor()));
    }

    /** Writes a complex image as a two-slice 32-bit TIFF (real, imaginary). */
    public static void writeComplex(ComplexImage image, Path path, boolean overwrite) throws IOException {
        ImagePlus imp = complexImagePlus(image, path.getFileName().toString());
        AtomicFiles.writeFile(path, overwrite, tmp -> save(imp, tmp, true));
    }

    /** Writes a single-plane 32-bit TIFF. */
    public static void writeFloat(float[] values, int width, int height, Path path, boolean overwrite)
            throws IOException {
        ImagePlus imp = floatImagePlus(values, width, height, path.getFileName().toString());
        AtomicFiles.writeFile(path, overwrite, tmp -> save(imp, tmp, false));
    }

    /** Writes a mask as an 8-bit TIFF, 255 where sampled. */
    public static void writeMask(SamplingMask mask, Path path, boolean overwrite) throws IOException {
        ImagePlus imp = maskImagePlus(mask, path.getFileName().toString());
        AtomicFiles.writeFile(path, overwrite, tmp -> save(imp, tmp, false));
    }

    private static void save(ImagePlus imp, Path tmp, boolean stack) throws IOException {
        FileSaver saver = new FileSaver(imp);
        boolean ok = stack ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(tmp.toString());
        if (!ok) {
            throw new IOException("ImageJ could not write " + tmp);
        }
    }

    private static ImagePlus open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file: " + path);
        }
        ImagePlus imp = IJ.openImage(path.toString());
        if (imp == null) {
            throw new IOException("ImageJ cannot open " + path + " (use PNG or TIFF)");
        }
        return imp;
    }

    private static float[] floatPixels(ImageProcessor ip) {
        ImageProcessor fp = ip instanceof FloatProcessor ? ip : ip.convertToFloat();
        return ((float[]) fp.getPixels()).clone();
    }
}
