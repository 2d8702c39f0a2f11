package org.deepsplines.mri.learned;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.io.NiftiVolume;
import org.deepsplines.mri.io.SliceAxis;

/**
 * Reads ground-truth slices for training and evaluation:
 * <ul>
 *   <li>a folder of PNG/TIFF images: each single-plane image is a magnitude slice, a two-slice 32-bit TIFF is
 *       one complex slice (real, imaginary), any other stack gives one magnitude slice per plane;</li>
 *   <li>a volume, NIfTI-1 ({@code .nii}, {@code .nii.gz}, slices along any axis) or a TIFF stack (its planes),
 *       with a {@link SliceSelection}.</li>
 * </ul>
 * Volume slices that are nearly empty (background above and below the head) are skipped: a slice is kept
 * when at least {@link #MIN_FOREGROUND} of its pixels exceed {@link #FOREGROUND_LEVEL} times the volume's
 * largest magnitude.
 */
public final class MriSliceReader {
    /** Relative intensity above which a pixel counts as foreground. */
    public static final double FOREGROUND_LEVEL = 0.1;
    /** Smallest foreground fraction of a kept volume slice. */
    public static final double MIN_FOREGROUND = 0.05;

    private MriSliceReader() {
    }

    /**
     * All images of a folder (not its sub-folders), sorted by name.
     *
     * @param warnings receives a line per skipped file
     * @throws IllegalArgumentException if the folder is missing or holds no readable image
     */
    public static List<MriSlice> folder(Path dir, Consumer<String> warnings) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("image folder " + dir + " does not exist or is not a folder");
        }
        List<Path> files = new ImageFolderReader().listImageFiles(dir);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no PNG or TIFF images in " + dir);
        }
        List<MriSlice> out = new ArrayList<>();
        for (Path f : files) {
            ImagePlus imp = IJ.openImage(f.toString());
            if (imp == null) {
                warnings.accept("skipped " + f.getFileName() + ": ImageJ could not open it");
                continue;
            }
            List<MriSlice> slices = planes(imp, f.getFileName().toString());
            for (MriSlice s : slices) {
                if (s.image().maxAbs() == 0) {
                    warnings.accept("skipped " + s.name() + ": it is zero everywhere");
                } else {
                    s.image().requireFinite(s.name());
                    out.add(s);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("none of the " + files.size() + " files in " + dir
                    + " gave a usable slice");
        }
        return out;
    }

    /**
     * Slices of a NIfTI volume or TIFF stack, skipping nearly empty ones.
     *
     * @param axis slice axis (NIfTI only; TIFF stacks are always sliced along their planes)
     * @param skipped receives a line per skipped near-empty slice
     */
    public static List<MriSlice> volume(Path file, SliceAxis axis, SliceSelection selection, Consumer<String> skipped)
            throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        List<MriSlice> all = new ArrayList<>();
        List<Integer> indices;
        if (lower.endsWith(".nii") || lower.endsWith(".nii.gz")) {
            NiftiVolume v = NiftiVolume.read(file);
            indices = selection.indices(v.sliceCount(axis));
            for (int i : indices) {
                all.add(new MriSlice(name + " " + axis.name().toLowerCase(Locale.ROOT) + "=" + i, v.sliceImage(axis, i)));
            }
        } else {
            ImagePlus imp = IJ.openImage(file.toString());
            if (imp == null) {
                throw new IOException("cannot open volume " + file + "; use NIfTI (.nii, .nii.gz) or a TIFF stack");
            }
            indices = selection.indices(imp.getStackSize());
            for (int i : indices) {
                all.add(new MriSlice(name + " plane " + i, magnitude(imp.getStack().getProcessor(i + 1))));
            }
        }
        double max = 0;
        for (MriSlice s : all) {
            max = Math.max(max, s.image().maxAbs());
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException("the selected slices of " + file + " are zero everywhere");
        }
        List<MriSlice> kept = new ArrayList<>();
        for (MriSlice s : all) {
            s.image().requireFinite(s.name());
            if (s.fractionAbove(FOREGROUND_LEVEL * max) >= MIN_FOREGROUND) {
                kept.add(s);
            } else {
                skipped.accept("skipped nearly empty slice " + s.name());
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("every selected slice of " + file + " is nearly empty");
        }
        return kept;
    }

    private static List<MriSlice> planes(ImagePlus imp, String name) {
        ImageStack st = imp.getStack();
        List<MriSlice> out = new ArrayList<>();
        if (st.getSize() == 2 && imp.getBitDepth() == 32) {
            float[] re = (float[]) st.getProcessor(1).convertToFloat().getPixels();
            float[] im = (float[]) st.getProcessor(2).convertToFloat().getPixels();
            out.add(new MriSlice(name, ComplexImage.ofFloats(imp.getWidth(), imp.getHeight(), re.clone(), im.clone())));
            return out;
        }
        for (int i = 1; i <= st.getSize(); i++) {
            out.add(new MriSlice(st.getSize() == 1 ? name : name + " plane " + (i - 1), magnitude(st.getProcessor(i))));
        }
        return out;
    }

    private static ComplexImage magnitude(ImageProcessor ip) {
        float[] v = ((float[]) ip.convertToFloat().getPixels()).clone();
        return ComplexImage.ofFloats(ip.getWidth(), ip.getHeight(), v, null);
    }
}
