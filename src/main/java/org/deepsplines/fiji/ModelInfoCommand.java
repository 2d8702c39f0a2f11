package org.deepsplines.fiji;

import ai.djl.Device;
import java.io.File;
import org.deepsplines.model.ModelNetwork;
import org.deepsplines.model.ModelSummary;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Model Info: what a model file holds: task, network, parameters, training
 * history, and per layer the active knots and Lipschitz constants of the learned activations, with the
 * network's Lipschitz bound. Printed to the log and returned as text.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Model Info")
public final class ModelInfoCommand extends DeepSplinesCommand {

    @Parameter(label = "Model file (empty: bundled blind denoiser)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Active knot: |slope change| above")
    private double threshold = 1e-3;

    @Parameter(type = ItemIO.OUTPUT, label = "Model info")
    private String info;

    @Override
    protected void execute() throws Exception {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("The knot threshold must be ≥ 0, got " + threshold);
        }
        try (ModelNetwork net = ModelSource.open(model, Device.cpu())) {
            ModelSummary summary = ModelSummary.of(net, threshold);
            summary.lines().forEach(log()::info);
            info = summary.text();
        }
    }

    public String info() {
        return info;
    }
}
