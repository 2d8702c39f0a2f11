package org.deepsplines.fiji;

import ai.djl.Device;
import ij.ImagePlus;
import java.io.File;
import java.nio.file.Path;
import org.deepsplines.fiji.plot.ActivationFigure;
import org.deepsplines.model.ModelNetwork;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Show Learned Activations: draws every learned activation of a model as small
 * multiples (one panel per channel, one block per layer; shaded: grid range, dashed: linear extrapolation,
 * dots: active knots), with per-layer active knots and Lipschitz constants and the network's Lipschitz
 * bound in the header. The figure opens as an RGB image (save it as PNG or TIFF); headless runs write it
 * to a file.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Show Learned Activations")
public final class ShowActivationsCommand extends DeepSplinesCommand {

    @Parameter(label = "Model file (empty: bundled blind denoiser)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Active knot: |slope change| above")
    private double threshold = 1e-3;

    @Parameter(label = "Panels per row", min = "1")
    private int columns = 16;

    @Parameter(label = "Save figure as (PNG/TIFF; headless default: next to the model)", required = false,
            persist = false, style = FileWidget.SAVE_STYLE)
    private File output;

    @Parameter(label = "Overwrite an existing figure file", persist = false)
    private boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Learned activations")
    private ImagePlus figure;

    @Override
    protected void execute() throws Exception {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("The knot threshold must be ≥ 0, got " + threshold);
        }
        try (ModelNetwork net = ModelSource.open(model, Device.cpu())) {
            String title = "Learned activations - " + net.name();
            figure = ActivationFigure.toImagePlus(new ActivationFigure().knotThreshold(threshold).columns(columns)
                    .render(net.block(), title), title);
        }
        Path target = output != null ? output.toPath()
                : Gui.available() ? null : ModelSource.besideModel(model, "_activations.png", "figure");
        if (target != null) {
            FigureFiles.save(figure, target, overwrite);
            log().info("Activation figure written to " + target);
        }
    }

    public ImagePlus figure() {
        return figure;
    }
}
