package org.deepsplines.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.spline.ActivationTable;
import org.deepsplines.spline.LearnedActivation;

/**
 * Writes every learned activation of a network as one CSV table: a row per knot with the layer and
 * activation it belongs to, so that a spreadsheet or a few lines of Python can redraw or analyse them.
 * Columns: {@code layer,activation,x,y,slope_left,slope_right,slope_change} (layers and activations
 * 1-based; beyond the first and last knots the activation continues linearly with the end slopes).
 */
public final class ActivationExport {
    /** The header line of the CSV. */
    public static final String HEADER = "layer,activation,x,y,slope_left,slope_right,slope_change";

    private ActivationExport() {}

    /** The CSV text. */
    public static String csv(List<LearnedActivation> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("This network has no learned activations to export (ReLU-type model).");
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int l = 0; l < layers.size(); l++) {
            LearnedActivation layer = layers.get(l);
            for (int a = 0; a < layer.config().numActivations(); a++) {
                ActivationTable t = layer.knotTable(a);
                String[] rows = t.toCsv().split("\n");
                // rows[0] is the per-table header.
                for (int r = 1; r < rows.length; r++) {
                    sb.append(l + 1).append(',').append(a + 1).append(',').append(rows[r]).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * Writes one CSV table per activation ({@link ActivationTable#toCsv()}) into {@code folder}, named
     * {@code layerLL_actAAA.csv} (layer 1-based, activation 0-based).
     *
     * @return the number of tables written
     * @throws IllegalArgumentException when a table exists and overwriting was not allowed (checked before writing)
     */
    public static int writeTables(List<LearnedActivation> layers, Path folder, boolean overwrite) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int a = 0; a < layers.get(l).config().numActivations(); a++) {
                Path f = folder.resolve(String.format(Locale.ROOT, "layer%02d_act%03d.csv", l + 1, a));
                if (!overwrite && Files.exists(f)) {
                    throw new IllegalArgumentException(f + " exists already; use --overwrite or another folder.");
                }
                files.add(f);
            }
        }
        Files.createDirectories(folder);
        int i = 0;
        for (LearnedActivation layer : layers) {
            for (int a = 0; a < layer.config().numActivations(); a++) {
                layer.knotTable(a).writeCsv(files.get(i++));
            }
        }
        return files.size();
    }

    /** Writes {@link #csv} atomically. */
    public static void writeCsv(List<LearnedActivation> layers, Path file, boolean overwrite) throws IOException {
        byte[] bytes = csv(layers).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, overwrite, out -> out.write(bytes));
    }
}
