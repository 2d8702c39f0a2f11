package org.deepsplines.fiji;

import ai.djl.Device;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.denoise.DenoiserSparsification;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.model.ModelFile;
import org.deepsplines.model.ModelNetwork;
import org.deepsplines.model.ModelSparsifier;
import org.deepsplines.nn.DeviceSelection;
import org.deepsplines.train.SparsityScan;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Sparsify Model: removes the knots of the learned activations that hardly
 * matter, so each activation becomes a linear spline with few pieces, and saves the result as a new model.
 * Either at one slope-change threshold, or, for a denoiser given a folder of clean test images, at the
 * largest threshold whose PSNR loss stays within a tolerance.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Sparsify Model")
public final class SparsifyModelCommand extends DeepSplinesCommand {

    @Parameter(label = "Model file (empty: bundled blind denoiser)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Sparse model file (empty: <model>_sparse.dsmodel)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File output;

    @Parameter(label = "Slope-change threshold (without test images)", min = "0")
    private double threshold = 1e-3;

    @Parameter(label = "Clean test images (optional folder: choose the threshold by PSNR)", required = false,
            persist = false, style = FileWidget.DIRECTORY_STYLE)
    private File images;

    @Parameter(label = "PSNR tolerance (dB)", min = "0")
    private double tolerance = 0.1;

    @Parameter(label = "Test noise σ (0–255 scale)", min = "0")
    private double sigma = 25;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(label = "Overwrite an existing file", persist = false)
    private boolean overwrite = false;

    @Parameter(label = "Show learned activations")
    private boolean showActivations = true;

    @Parameter(label = "Activation figure file (PNG/TIFF, optional)", required = false, persist = false,
            style = FileWidget.SAVE_STYLE)
    private File activationFigure;

    @Parameter(type = ItemIO.OUTPUT, label = "Sparsification")
    private String report;

    @Override
    protected void execute() throws Exception {
        Path target = output != null ? output.toPath() : ModelSource.besideModel(model, "_sparse.dsmodel", "output");
        AtomicFiles.checkWritable(target, overwrite);
        if (images != null) {
            sparsifyByPsnr(target);
        } else {
            sparsifyAtThreshold(target);
        }
    }

    private void sparsifyAtThreshold(Path target) throws Exception {
        try (ModelNetwork net = ModelSource.open(model, Device.cpu())) {
            ModelSparsifier.Outcome o = ModelSparsifier.apply(net.activations(), threshold);
            ModelFile sparse = net.toModelFile(sparsityEntry(o.toJson()));
            sparse.save(target, overwrite);
            report = o.describe();
            log().info(report + "; written to " + target);
            figure(net.block(), target);
        }
    }

    private void sparsifyByPsnr(Path target) throws Exception {
        if (!Files.isDirectory(images.toPath())) {
            throw new IllegalArgumentException(images + " is not a folder of clean test images.");
        }
        DeviceSelection where = DeviceSelection.resolve(device);
        log().device(where);
        Path modelPath = model == null ? null : model.toPath();
        try (DenoiserModel m = DenoiserModel.loadOrBundled(modelPath, where.device())) {
            ImageFolderReader.Result read = new ImageFolderReader().read(images.toPath());
            read.warnings().forEach(w -> log().warn("Skipped: " + w));
            log().status("Sparsifying: scanning thresholds on " + read.images().size() + " image(s)");
            SparsityScan.Result r = DenoiserSparsification.run(m, read.images(), sigma, tolerance, 0);
            m.save(target, overwrite);
            report = r.describe();
            log().info(report + "; written to " + target);
            figure(m.block(), target);
        }
    }

    private void figure(Block block, Path target) throws Exception {
        if (showActivations) {
            FigureFiles.present(FigureFiles.render(block, String.valueOf(target.getFileName()),
                    LayerStatistics.DEFAULT_KNOT_THRESHOLD), activationFigure, FigureFiles.nextTo(target), null,
                    overwrite, log());
        }
    }

    private static JsonObject sparsityEntry(JsonObject sparsity) {
        JsonObject extra = new JsonObject();
        extra.add("sparsity", sparsity);
        return extra;
    }

    public String report() {
        return report;
    }
}
