package org.deepsplines.fiji;

import ai.djl.Device;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.deepsplines.model.ActivationExport;
import org.deepsplines.model.ModelExport;
import org.deepsplines.model.ModelNetwork;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Export Model: writes a model's parameters for Python (NumPy .npz or
 * .safetensors, with the model description as config) or its learned activations as one CSV table (a row
 * per knot: layer, activation, x, y, slopes).
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Export Model")
public final class ExportModelCommand extends DeepSplinesCommand {
    static final String NPZ = "npz";
    static final String SAFETENSORS = "safetensors";
    static final String CSV = "activations csv";

    @Parameter(label = "Model file (empty: bundled blind denoiser)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Format", choices = {NPZ, SAFETENSORS, CSV})
    private String format = NPZ;

    @Parameter(label = "Output file (empty: next to the model)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File output;

    @Parameter(label = "Overwrite an existing file", persist = false)
    private boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Exported file")
    private File exported;

    @Override
    protected void execute() throws Exception {
        String f = format == null ? NPZ : format.trim().toLowerCase(Locale.ROOT);
        String suffix;
        switch (f) {
            case NPZ:
                suffix = ".npz";
                break;
            case SAFETENSORS:
                suffix = ".safetensors";
                break;
            case CSV:
            case "csv":
                suffix = "_activations.csv";
                break;
            default:
                throw new IllegalArgumentException("Unknown export format '" + format + "'. Use npz, safetensors or"
                        + " activations csv.");
        }
        Path target = output != null ? output.toPath() : ModelSource.besideModel(model, suffix, "export");
        try (ModelNetwork net = ModelSource.open(model, Device.cpu())) {
            if (suffix.endsWith(".csv")) {
                ActivationExport.writeCsv(net.activations(), target, overwrite);
            } else if (suffix.equals(".npz")) {
                ModelExport.writeNpz(net.block(), net.file().config(), target, overwrite);
            } else {
                ModelExport.writeSafetensors(net.block(), net.file().config(), target, overwrite);
            }
        }
        exported = target.toFile();
        log().info("Exported " + (model == null ? "the bundled denoiser" : model.getName()) + " as " + f + " to "
                + target);
    }

    public File exported() {
        return exported;
    }
}
