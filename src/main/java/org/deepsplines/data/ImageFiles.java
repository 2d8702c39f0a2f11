package org.deepsplines.data;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads one image file and writes results, through ImageJ, with atomic writes. */
public final class ImageFiles {
    private ImageFiles() {}

    /** An opened file: its pixels and the calibration to give back to results. */
    public record Opened(GrayImage image, Calibration calibration) {}

    /**
     * Opens a 2D image or a z-stack (as one volume) from PNG/TIFF/any format ImageJ reads.
     *
     * @throws IllegalArgumentException for unreadable, colour or multi-channel/time images
     */
    public static Opened open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "image file not found");
        }
        ImagePlus imp = IJ.openImage(file.toString());
        if (imp == null) {
            throw new IllegalArgumentException("ImageJ could not open " + file + "; use PNG or TIFF.");
        }
        return fromImagePlus(imp);
    }

    /** An open image as one 2D image or one volume (z-stack); channels or time points are refused. */
    public static Opened fromImagePlus(ImagePlus imp) {
        ImagePlusConverter.requireGray(imp);
        if (imp.getNChannels() > 1 || imp.getNFrames() > 1) {
            throw new IllegalArgumentException(imp.getTitle() + " has " + imp.getNChannels() + " channels and "
                    + imp.getNFrames() + " time points; split it first (Image > Stacks > Tools > Reduce Dimensionality"
                    + " or Image > Color > Split Channels) and process one channel/time point at a time.");
        }
        List<GrayImage> images = ImagePlusConverter.toGrayImages(imp, true, false);
        return new Opened(images.get(0), imp.getCalibration());
    }

    /**
     * Writes an image as TIFF (or PNG when the name ends in .png) atomically.
     *
     * @param bitDepth 32 for float output, or 8/16 to convert (clamped and rounded)
     */
    public static void write(GrayImage image, Calibration calibration, int bitDepth, Path file, boolean overwrite)
            throws IOException {
        AtomicFiles.checkWritable(file, overwrite);
        ImagePlus imp = ImagePlusConverter.toImagePlus(image, calibration, bitDepth);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (png && (imp.getBitDepth() == 32 || imp.getStackSize() > 1)) {
            throw new IllegalArgumentException("PNG holds single 8/16-bit images only; write " + file.getFileName()
                    + " as .tif, or ask for 8- or 16-bit output.");
        }
        AtomicFiles.writeFile(file, overwrite, tmp -> {
            FileSaver saver = new FileSaver(imp);
            boolean ok = png ? saver.saveAsPng(tmp.toString())
                    : imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(tmp.toString());
            if (!ok) {
                throw new IOException("ImageJ could not write " + file);
            }
        });
    }
}
