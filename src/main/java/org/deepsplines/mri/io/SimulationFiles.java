package org.deepsplines.mri.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepsplines.mri.MriSimulation;

/**
 * The files of a simulated acquisition in an output folder: k-space (two 32-bit slices, real and
 * imaginary), the mask (8-bit, 255 = sampled), the zero-filled magnitude and, when computed, the TV-CS
 * magnitude (32-bit).
 */
public final class SimulationFiles {
    public static final String KSPACE_FILE = "kspace_re_im.tif";
    public static final String MASK_FILE = "mask.tif";
    public static final String ZERO_FILLED_FILE = "zero_filled.tif";
    public static final String TV_FILE = "tv_cs.tif";

    private SimulationFiles() {}

    /** The files written into {@code folder}, in writing order. */
    public static List<Path> targets(Path folder, boolean tv) {
        List<Path> t = new ArrayList<>(List.of(folder.resolve(KSPACE_FILE), folder.resolve(MASK_FILE),
                folder.resolve(ZERO_FILLED_FILE)));
        if (tv) {
            t.add(folder.resolve(TV_FILE));
        }
        return t;
    }

    /**
     * Fails before any work when an output exists and overwriting was not allowed.
     *
     * @throws IllegalArgumentException naming the first existing file
     */
    public static void checkWritable(Path folder, boolean tv, boolean overwrite) {
        if (overwrite) {
            return;
        }
        for (Path p : targets(folder, tv)) {
            if (Files.exists(p)) {
                throw new IllegalArgumentException(p + " exists; allow overwriting (--overwrite) to replace it, or"
                        + " choose another output folder");
            }
        }
    }

    /** Writes every file of {@code result} (atomically, one by one) and returns their paths. */
    public static List<Path> write(MriSimulation.Result result, Path folder, boolean overwrite) throws IOException {
        List<Path> targets = targets(folder, result.tv() != null);
        int w = result.image().width();
        int h = result.image().height();
        MriImageFiles.writeComplex(result.acquisition().kspace(), targets.get(0), overwrite);
        MriImageFiles.writeMask(result.mask(), targets.get(1), overwrite);
        MriImageFiles.writeFloat(result.zeroFilled().magnitudeFloat(), w, h, targets.get(2), overwrite);
        if (result.tv() != null) {
            MriImageFiles.writeFloat(result.tv().image().magnitudeFloat(), w, h, targets.get(3), overwrite);
        }
        return targets;
    }
}
