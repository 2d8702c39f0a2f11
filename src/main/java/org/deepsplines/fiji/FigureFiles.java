package org.deepsplines.fiji;

import ai.djl.nn.Block;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.awt.Window;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.fiji.plot.ActivationFigure;

/**
 * The learned-activation figure as an ImageJ image: rendered from a network, shown beside a result when
 * there is a display, and saved as PNG or TIFF (always when a file is named, and in headless runs to a
 * default file next to the output).
 */
final class FigureFiles {
    private FigureFiles() {}

    /** Renders every learned activation of {@code network}; null when it has none (fixed activations). */
    static ImagePlus render(Block network, String modelName, double knotThreshold) {
        ActivationFigure figure = new ActivationFigure().knotThreshold(knotThreshold);
        String title = "Learned activations - " + modelName;
        try {
            return ActivationFigure.toImagePlus(figure.render(network, title), title);
        } catch (IllegalArgumentException e) {
            // A ReLU-type network: nothing to draw.
            return null;
        }
    }

    /**
     * Shows and/or saves a rendered figure.
     *
     * @param requested the file the user asked for, or null
     * @param fallback where a headless run writes it when no file was asked for (null: not written)
     * @param beside window to place the figure next to, or null
     * @return the file written, or null
     */
    static Path present(ImagePlus figure, File requested, Path fallback, Window beside, boolean overwrite, UserLog log)
            throws IOException {
        if (figure == null) {
            log.info("This network has fixed activations: there is no learned-activation figure.");
            return null;
        }
        Path target = requested != null ? requested.toPath() : Gui.available() ? null : fallback;
        if (target != null) {
            save(figure, target, overwrite);
            log.info("Activation figure written to " + target);
        }
        if (Gui.available()) {
            figure.show();
            if (figure.getWindow() != null) {
                Gui.placeBeside(beside, figure.getWindow());
            }
        } else if (target == null) {
            log.info("Activation figure not written: name a file for it to keep it.");
        }
        return target;
    }

    /** Saves as PNG (.png) or TIFF (.tif, .tiff), atomically. */
    static void save(ImagePlus image, Path file, boolean overwrite) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = n.endsWith(".png");
        if (!png && !n.endsWith(".tif") && !n.endsWith(".tiff")) {
            throw new IllegalArgumentException("Save the figure as .png or .tif, not " + file.getFileName());
        }
        AtomicFiles.checkWritable(file, overwrite);
        AtomicFiles.write(file, overwrite, out -> {
            // ImageJ writes to paths: write a temporary file, then stream it into the atomic target.
            Path tmp = Files.createTempFile("deepsplines-figure", png ? ".png" : ".tif");
            try {
                FileSaver saver = new FileSaver(image);
                if (!(png ? saver.saveAsPng(tmp.toString()) : saver.saveAsTiff(tmp.toString()))) {
                    throw new IOException("ImageJ could not write " + file);
                }
                Files.copy(tmp, out);
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
    }

    /** {@code <stem>_activations.png} next to {@code file}. */
    static Path nextTo(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String stem = dot > 0 ? n.substring(0, dot) : n;
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(stem + "_activations.png");
    }
}
