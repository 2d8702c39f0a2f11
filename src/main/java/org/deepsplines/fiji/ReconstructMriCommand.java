package org.deepsplines.fiji;

import ij.ImagePlus;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.TvCompressedSensing;
import org.deepsplines.mri.TvParameters;
import org.deepsplines.mri.io.MriImageFiles;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.nn.DeviceSelection;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Reconstruct MRI: reconstructs an image from undersampled single-coil k-space
 * (two 32-bit slices, real and imaginary, centred as Simulate MRI Acquisition writes it) and its sampling
 * mask with a learned model, by default the bundled 4× Cartesian one (the same code as
 * {@code reconstruct-mri}). Optionally TV compressed sensing for comparison; the model's learned
 * activations open beside the result.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Reconstruct MRI")
public final class ReconstructMriCommand extends DeepSplinesCommand {

    @Parameter(label = "k-space (2 slices: real, imaginary)")
    private ImagePlus kspace;

    @Parameter(label = "Sampling mask (nonzero = sampled)")
    private ImagePlus mask;

    @Parameter(label = "Model file (empty: bundled 4x Cartesian model)", required = false, persist = false,
            style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(label = "Complex result (2 slices) instead of the magnitude")
    private boolean complex = false;

    @Parameter(label = "Also reconstruct with TV compressed sensing")
    private boolean tv = false;

    @Parameter(label = "TV weight λ (relative to the zero-filled maximum)", min = "0")
    private double tvLambda = 0.005;

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

    @Parameter(type = ItemIO.OUTPUT, label = "Reconstruction")
    private ImagePlus result;

    @Parameter(type = ItemIO.OUTPUT, label = "TV-CS", required = false)
    private ImagePlus tvImage;

    @Override
    protected void execute() throws Exception {
        if (kspace == null || mask == null) {
            throw new IllegalArgumentException("Open the k-space (2 slices: real, imaginary) and its sampling mask"
                    + " first, e.g. with Simulate MRI Acquisition.");
        }
        if (output != null) {
            AtomicFiles.checkWritable(output.toPath(), overwrite);
        }
        ComplexImage y = MriImageFiles.complexFromImagePlus(kspace, kspace.getTitle());
        SamplingMask m = MriImageFiles.maskFromImagePlus(mask, mask.getTitle());
        if (m.width() != y.width() || m.height() != y.height()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The mask (%dx%d) and the k-space (%dx%d)"
                    + " differ in size: choose the mask of this acquisition.", m.width(), m.height(), y.width(),
                    y.height()));
        }
        DeviceSelection where = DeviceSelection.resolve(device);
        log().device(where);
        String base = stem(kspace.getTitle());
        try (MriReconstructionModel net = model == null
                ? MriReconstructionModel.bundled(MaskType.CARTESIAN, 4, where.device())
                : MriReconstructionModel.load(model.toPath(), where.device())) {
            String name = model == null ? "bundled 4x Cartesian model" : model.getName();
            log().info(String.format(Locale.ROOT, "k-space %dx%d, mask %d of %d samples (R = %.2f); %s trained for %s",
                    y.width(), y.height(), m.sampledCount(), m.totalCount(), m.acceleration(), name,
                    net.sampling().settingName()));
            log().status("Reconstructing " + kspace.getTitle());
            long t0 = System.nanoTime();
            ComplexImage x = net.reconstruct(y, m);
            log().info(String.format(Locale.ROOT, "Reconstructed %s in %.2f s", kspace.getTitle(),
                    (System.nanoTime() - t0) / 1e9));
            result = complex ? MriImageFiles.complexImagePlus(x, base + " reconstruction (re, im)")
                    : MriImageFiles.floatImagePlus(x.magnitudeFloat(), x.width(), x.height(), base + " reconstruction");
            if (output != null) {
                if (complex) {
                    MriImageFiles.writeComplex(x, output.toPath(), overwrite);
                } else {
                    MriImageFiles.writeFloat(x.magnitudeFloat(), x.width(), x.height(), output.toPath(), overwrite);
                }
                log().info("Result written to " + output);
            }
            if (tv) {
                log().status("TV compressed sensing of " + kspace.getTitle());
                ComplexImage t = new TvCompressedSensing(TvParameters.defaults().withRelativeLambda(tvLambda))
                        .reconstruct(m.apply(y), m).image();
                tvImage = MriImageFiles.floatImagePlus(t.magnitudeFloat(), t.width(), t.height(), base + " TV-CS");
            }
            if (showActivations) {
                Path fallback = output == null ? null : FigureFiles.nextTo(output.toPath());
                FigureFiles.present(FigureFiles.render(net.block(), name, LayerStatistics.DEFAULT_KNOT_THRESHOLD),
                        activationFigure, fallback, kspace.getWindow(), overwrite, log());
            }
        }
    }

    /** "brain k-space (re, im)" becomes "brain". */
    static String stem(String title) {
        int k = title == null ? -1 : title.indexOf(" k-space");
        return k > 0 ? title.substring(0, k) : ImageTitles.stem(title);
    }

    public ImagePlus result() {
        return result;
    }

    public ImagePlus tvImage() {
        return tvImage;
    }
}
