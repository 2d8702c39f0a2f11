package org.deepsplines.denoise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.ImageFiles;
import org.deepsplines.data.ImageFolderReader;

/**
 * Denoises an image file, or every image of a folder, into TIFF files: the one implementation behind the
 * {@code denoise} command line and the Fiji "Denoise Folder" command. Outputs of a folder are named
 * {@code <name>_denoised.tif}; existing files are refused up front (before any work) unless overwriting.
 */
public final class DenoiseFiles {
    /** Suffix of the files written for a folder. */
    public static final String SUFFIX = "_denoised.tif";

    /** One file done. */
    public record Done(Path input, Path output, int width, int height, int depth, double seconds) {
        /** e.g. "camera.png -> out/camera_denoised.tif (512x512x1, 1.20 s)". */
        public String describe() {
            return String.format(Locale.ROOT, "%s -> %s (%dx%dx%d, %.2f s)", input.getFileName(), output, width,
                    height, depth, seconds);
        }
    }

    private final DenoiserModel model;
    private DenoiseOptions options = DenoiseOptions.defaults();
    private boolean keepType;
    private boolean overwrite;

    public DenoiseFiles(DenoiserModel model) {
        this.model = model;
    }

    /** Tiling, clipping, progress and cancel settings (progress is reported over all files). */
    public DenoiseFiles options(DenoiseOptions o) {
        options = o;
        return this;
    }

    /** Write the input's bit depth (8/16-bit, clamped and rounded) instead of 32-bit float. */
    public DenoiseFiles keepType(boolean k) {
        keepType = k;
        return this;
    }

    public DenoiseFiles overwrite(boolean o) {
        overwrite = o;
        return this;
    }

    /** The bit depth a result is written with. */
    public static int outputBitDepth(GrayImage input, boolean keepType) {
        return keepType ? Math.max(8, input.bitDepth()) : 32;
    }

    /** The output file of {@code input} when a folder is denoised into {@code outputFolder}. */
    public static Path outputFor(Path input, Path outputFolder) {
        return outputFolder.resolve(stem(input) + SUFFIX);
    }

    /** The file name without its last extension. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * Denoises {@code input} (a file or a folder of PNG/TIFF images) into {@code output} (a file, or a
     * folder when the input is a folder).
     *
     * @param each told about every file when it is written; may be null
     * @return what was written, in order
     * @throws IllegalArgumentException for an empty folder, an existing output without overwriting, or
     *     an image the model cannot process
     */
    public List<Done> run(Path input, Path output, Consumer<Done> each) throws IOException {
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("Input " + input + " does not exist.");
        }
        boolean folder = Files.isDirectory(input);
        List<Path> files = new ArrayList<>();
        if (folder) {
            files.addAll(new ImageFolderReader().listImageFiles(input));
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No PNG/TIFF image in " + input);
            }
            if (Files.isRegularFile(output)) {
                throw new IllegalArgumentException("The input is a folder, so the output must be a folder too, but "
                        + output + " is a file.");
            }
        } else {
            files.add(input);
        }
        List<Path> targets = new ArrayList<>();
        for (Path f : files) {
            Path target = folder ? outputFor(f, output) : output;
            AtomicFiles.checkWritable(target, overwrite);
            targets.add(target);
        }
        if (folder) {
            Files.createDirectories(output);
        }
        List<Done> done = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            ImageFiles.Opened opened = ImageFiles.open(f);
            GrayImage in = opened.image();
            long t0 = System.nanoTime();
            GrayImage res = model.denoise(in, perFile(i, files.size()));
            ImageFiles.write(res, opened.calibration(), outputBitDepth(in, keepType), targets.get(i), overwrite);
            Done d = new Done(f, targets.get(i), in.width(), in.height(), in.depth(), (System.nanoTime() - t0) / 1e9);
            done.add(d);
            if (each != null) {
                each.accept(d);
            }
        }
        return done;
    }

    /** Scales per-image progress into overall progress. */
    private DenoiseOptions perFile(int index, int count) {
        if (options.progress() == null) {
            return options;
        }
        return options.withProgress(f -> options.progress().accept((index + f) / count));
    }
}
