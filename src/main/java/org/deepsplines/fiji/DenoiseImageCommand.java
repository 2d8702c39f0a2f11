package org.deepsplines.fiji;

import ij.IJ;
import ij.ImagePlus;
import java.awt.Window;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.ImageFiles;
import org.deepsplines.data.ImagePlusConverter;
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
 * Plugins › DeepSplines › Denoise Image: denoises the image (2D, or each slice of a stack; a z-stack as a
 * volume with a 3D model) with a trained model, by default the bundled blind denoiser. The result opens as
 * a new 32-bit image (or in the input's bit depth), and the model's learned activations open beside it.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Denoise Image")
public final class DenoiseImageCommand extends DeepSplinesCommand {

    @Parameter(label = "Image")
    private ImagePlus image;

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

    @Parameter(label = "Also save result as (TIFF, optional)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File output;

    @Parameter(label = "Show learned activations")
    private boolean showActivations = true;

    @Parameter(label = "Activation figure file (PNG/TIFF, optional)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File activationFigure;

    @Parameter(label = "Overwrite existing files", persist = false)
    private boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Denoised")
    private ImagePlus result;

    @Override
    protected void execute() throws Exception {
        if (image == null) {
            throw new IllegalArgumentException("Open an image first: Denoise Image works on an open image.");
        }
        if (output != null) {
            AtomicFiles.checkWritable(output.toPath(), overwrite);
        }
        DeviceSelection where = DeviceSelection.resolve(device);
        log().device(where);
        Path modelPath = model == null ? null : model.toPath();
        ImageFiles.Opened opened = ImageFiles.fromImagePlus(image);
        GrayImage in = opened.image();
        String name = DenoiserModel.displayName(modelPath);
        try (DenoiserModel m = DenoiserModel.loadOrBundled(modelPath, where.device())) {
            DenoiseOptions options = DenoiseOptions.defaults().withTileSize(tile).withMemoryBudget((long) memoryMb << 20)
                    .withClip(clip).withProgress(f -> log().progress((int) Math.round(1000 * f), 1000,
                            "Denoising " + image.getTitle()));
            if (Gui.available()) {
                options = options.withCancel(IJ::escapePressed);
                IJ.resetEscape();
            }
            long t0 = System.nanoTime();
            GrayImage out = m.denoise(in, options);
            int bits = DenoiseFiles.outputBitDepth(in, keepType);
            result = ImagePlusConverter.toImagePlus(out, opened.calibration(), bits);
            result.setTitle(resultTitle(image.getTitle()));
            log().info(String.format(Locale.ROOT, "Denoised %s with %s in %.2f s (%s)", image.getTitle(), name,
                    (System.nanoTime() - t0) / 1e9, m.noise()));
            if (output != null) {
                ImageFiles.write(out, opened.calibration(), bits, output.toPath(), overwrite);
                log().info("Result written to " + output);
            }
            if (showActivations) {
                Window beside = image.getWindow();
                Path fallback = output == null ? null : FigureFiles.nextTo(output.toPath());
                FigureFiles.present(FigureFiles.render(m.block(), name, LayerStatistics.DEFAULT_KNOT_THRESHOLD),
                        activationFigure, fallback, beside, overwrite, log());
            }
        }
    }

    /** "camera.png" becomes "camera-denoised". */
    static String resultTitle(String title) {
        return ImageTitles.stem(title) + "-denoised";
    }

    /** The denoised image (after a run). */
    public ImagePlus result() {
        return result;
    }
}
