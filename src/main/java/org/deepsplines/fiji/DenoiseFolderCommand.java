package org.deepsplines.fiji;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepsplines.denoise.DenoiseFiles;
import org.deepsplines.denoise.DenoiseOptions;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.nn.DeviceSelection;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Denoise Folder: denoises every PNG/TIFF image of a folder into
 * {@code <name>_denoised.tif} files, exactly as the {@code denoise} command line does (same code), and
 * writes the model's learned-activation figure into the output folder.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Denoise Folder")
public final class DenoiseFolderCommand extends DeepSplinesCommand {

    @Parameter(label = "Input folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File input;

    @Parameter(label = "Output folder (empty: <input>_denoised)", style = FileWidget.DIRECTORY_STYLE,
            required = false, persist = false)
    private File output;

    @Parameter(label = "Model file (empty: bundled blind denoiser)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Clip to the data range (8-bit-like images)")
    private boolean clip = false;

    @Parameter(label = "Keep bit depth (else 32-bit)")
    private boolean keepType = false;

    @Parameter(label = "Tile size (0 = from memory)", min = "0")
    private int tile = 0;

    @Parameter(label = "Memory per tile (MiB)", min = "1")
    private int memoryMb = 512;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(label = "Overwrite existing files", persist = false)
    private boolean overwrite = false;

    @Parameter(label = "Show learned activations")
    private boolean showActivations = true;

    @Parameter(label = "Activation figure file (empty: activations.png in the output folder)", required = false,
            persist = false, style = FileWidget.SAVE_STYLE)
    private File activationFigure;

    @Parameter(type = ItemIO.OUTPUT, label = "Images denoised")
    private int count;

    @Override
    protected void execute() throws Exception {
        if (input == null) {
            throw new IllegalArgumentException("Choose the folder of images to denoise.");
        }
        Path in = input.toPath();
        if (!Files.isDirectory(in)) {
            throw new IllegalArgumentException(in + " is not a folder. Choose a folder of images (or open one image"
                    + " and use Denoise Image).");
        }
        Path out = output != null ? output.toPath() : defaultOutput(in);
        DeviceSelection where = DeviceSelection.resolve(device);
        log().device(where);
        Path modelPath = model == null ? null : model.toPath();
        try (DenoiserModel m = DenoiserModel.loadOrBundled(modelPath, where.device())) {
            DenoiseOptions options = DenoiseOptions.defaults().withTileSize(tile).withMemoryBudget((long) memoryMb << 20)
                    .withClip(clip).withProgress(f -> log().progress((int) Math.round(1000 * f), 1000,
                            "Denoising " + input.getName()));
            List<DenoiseFiles.Done> done = new DenoiseFiles(m).options(options).keepType(keepType).overwrite(overwrite)
                    .run(in, out, d -> log().info(d.describe()));
            count = done.size();
            log().info("Denoised " + count + " image(s) into " + out);
            if (showActivations) {
                Path fallback = out.resolve("activations.png");
                FigureFiles.present(FigureFiles.render(m.block(), DenoiserModel.displayName(modelPath),
                        LayerStatistics.DEFAULT_KNOT_THRESHOLD), activationFigure, fallback, null, overwrite, log());
            }
        }
    }

    /** A sibling folder named {@code <input>_denoised}. */
    static Path defaultOutput(Path input) {
        Path abs = input.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "_denoised");
    }

    public int count() {
        return count;
    }
}
