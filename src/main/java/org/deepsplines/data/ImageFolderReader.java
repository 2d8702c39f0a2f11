package org.deepsplines.data;

import ij.ImagePlus;
import ij.io.Opener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Reads the training images of a folder: every PNG and TIFF file (8-, 16- or 32-bit grey, stacks
 * included), opened with ImageJ, in name order. Files that ImageJ cannot open are skipped and listed
 * in {@link Result#warnings()}. Colour images are rejected (or converted to luma when asked), because
 * silently averaging channels would change what the network learns.
 *
 * <p>Multi-plane files give one 2D image per plane by default, or one 3D volume per channel/frame
 * with {@link #volumes(boolean)}.
 */
public final class ImageFolderReader {

    /** File name endings that are read (case-insensitive). */
    public static final List<String> EXTENSIONS = List.of(".png", ".tif", ".tiff");

    private boolean recursive;
    private boolean volumes;
    private boolean rgbToLuma;

    /**
     * What was read.
     *
     * @param images the images, in file name order (planes of one file in stack order)
     * @param warnings one line per file that was skipped, saying why
     */
    public record Result(List<GrayImage> images, List<String> warnings) {
        /** Makes the lists unmodifiable. */
        public Result {
            images = List.copyOf(images);
            warnings = List.copyOf(warnings);
        }
    }

    /** Also reads sub-folders (default false). Files are then ordered by their path relative to the folder. */
    public ImageFolderReader recursive(boolean value) {
        this.recursive = value;
        return this;
    }

    /** Reads each multi-slice file as 3D volumes instead of separate 2D planes (default false). */
    public ImageFolderReader volumes(boolean value) {
        this.volumes = value;
        return this;
    }

    /** Converts colour images to grey with the BT.601 luma weights instead of rejecting them (default false). */
    public ImageFolderReader rgbToLuma(boolean value) {
        this.rgbToLuma = value;
        return this;
    }

    /**
     * Reads all accepted images in {@code folder}.
     *
     * @throws IllegalArgumentException when the folder does not exist, holds no accepted file, no file
     *         could be read, or a file is colour while {@link #rgbToLuma(boolean)} is off
     */
    public Result read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Image folder " + folder + " does not exist or is not a folder");
        }
        List<Path> files = listImageFiles(folder);
        String searched = "searched " + folder + (recursive ? " and its sub-folders" : " (not its sub-folders)")
                + " for " + String.join(", ", EXTENSIONS) + " files";
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No training images found: " + searched
                    + "; put 8-, 16- or 32-bit grey PNG or TIFF images there");
        }
        List<GrayImage> images = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            String rel = folder.relativize(file).toString();
            ImagePlus imp = open(file);
            if (imp == null) {
                warnings.add("Skipped " + rel + ": ImageJ could not open it");
                continue;
            }
            imp.setTitle(rel);
            images.addAll(ImagePlusConverter.toGrayImages(imp, volumes, rgbToLuma));
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("None of the " + files.size() + " image files could be read: " + searched
                    + "; " + String.join("; ", warnings));
        }
        return new Result(images, warnings);
    }

    /** The accepted files of {@code folder} (recursively when set), sorted by relative path. */
    public List<Path> listImageFiles(Path folder) {
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(ImageFolderReader::hasAcceptedExtension)
                    .sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** True when the file name ends with one of {@link #EXTENSIONS}. */
    public static boolean hasAcceptedExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Training images from in-memory ImgLib2 images, 2D {@code (X, Y)} or 3D {@code (X, Y, Z)}. The bit
     * depth is taken from the pixel type (unsigned byte → 8, unsigned short → 16, otherwise 32).
     *
     * @param names one name per image, used in messages
     */
    public static List<GrayImage> fromImgs(List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
            List<String> names) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No training images given");
        }
        if (names.size() != images.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + names.size() + " names");
        }
        List<GrayImage> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            RandomAccessibleInterval<? extends RealType<?>> img = images.get(i);
            Object type = img.getType();
            int bits = type instanceof UnsignedByteType ? 8 : type instanceof UnsignedShortType ? 16 : 32;
            out.add(GrayImage.fromImg(names.get(i), img, bits));
        }
        return out;
    }

    /** Training images from open ImagePlus images (see {@link ImagePlusConverter#toGrayImages}). */
    public List<GrayImage> fromImagePlus(List<ImagePlus> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No training images given");
        }
        List<GrayImage> out = new ArrayList<>();
        for (ImagePlus imp : images) {
            out.addAll(ImagePlusConverter.toGrayImages(imp, volumes, rgbToLuma));
        }
        return out;
    }

    private static ImagePlus open(Path file) {
        try {
            Opener opener = new Opener();
            opener.setSilentMode(true);
            ImagePlus imp = opener.openImage(file.toString());
            return imp == null || imp.getStackSize() == 0 ? null : imp;
        } catch (RuntimeException e) {
            return null; // a damaged file must not stop reading the others
        }
    }
}
