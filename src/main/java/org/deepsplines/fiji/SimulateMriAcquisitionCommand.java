package org.deepsplines.fiji;

import ij.ImagePlus;
import java.io.File;
import java.nio.file.Path;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.MriSimulation;
import org.deepsplines.mri.PhaseEncodeAxis;
import org.deepsplines.mri.io.MriImageFiles;
import org.deepsplines.mri.io.SimulationFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › DeepSplines › Simulate MRI Acquisition: undersampled single-coil k-space
 * {@code y = M (F x + n)} from the image (a magnitude image, or two 32-bit slices real/imaginary), with its
 * sampling mask, the zero-filled reconstruction and optionally TV compressed sensing; the same code as
 * {@code simulate-mri} on the command line, which writes the same files when an output folder is given.
 */
@Plugin(type = Command.class, menuPath = DeepSplinesCommand.MENU + "Simulate MRI Acquisition")
public final class SimulateMriAcquisitionCommand extends DeepSplinesCommand {

    @Parameter(label = "Image (magnitude, or 2 slices real/imaginary)")
    private ImagePlus image;

    @Parameter(label = "Mask", choices = {"cartesian", "equispaced", "radial", "random"})
    private String mask = "cartesian";

    @Parameter(label = "Acceleration R", min = "1.0001")
    private double acceleration = 4;

    @Parameter(label = "Fully sampled centre fraction (negative: 0.32/R)")
    private double centerFraction = -1;

    @Parameter(label = "Phase-encode axis (line masks)", choices = {"x", "y"})
    private String phaseEncode = "x";

    @Parameter(label = "Seed (mask; noise uses seed + 1)")
    private long seed = 0;

    @Parameter(label = "Noise", choices = {"none", "sigma", "snr"})
    private String noise = "none";

    @Parameter(label = "Noise level (σ per real/imaginary part, or SNR in dB)")
    private double noiseLevel = 0;

    @Parameter(label = "Also reconstruct with TV compressed sensing")
    private boolean tv = false;

    @Parameter(label = "TV weight λ (relative to the zero-filled maximum)", min = "0")
    private double tvLambda = 0.005;

    @Parameter(label = "Save files into folder (optional)", required = false, persist = false,
            style = FileWidget.DIRECTORY_STYLE)
    private File outputFolder;

    @Parameter(label = "Overwrite existing files", persist = false)
    private boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "k-space (real, imaginary)")
    private ImagePlus kspace;

    @Parameter(type = ItemIO.OUTPUT, label = "Sampling mask")
    private ImagePlus maskImage;

    @Parameter(type = ItemIO.OUTPUT, label = "Zero-filled")
    private ImagePlus zeroFilled;

    @Parameter(type = ItemIO.OUTPUT, label = "TV-CS", required = false)
    private ImagePlus tvImage;

    @Override
    protected void execute() throws Exception {
        if (image == null) {
            throw new IllegalArgumentException("Open an image first: the simulation starts from an open image.");
        }
        if (!"none".equals(noise) && !"sigma".equals(noise) && !"snr".equals(noise)) {
            throw new IllegalArgumentException("Noise must be none, sigma or snr, got '" + noise + "'");
        }
        MriSimulation.Settings settings = new MriSimulation.Settings(MaskType.parse(mask), acceleration,
                centerFraction < 0 ? null : centerFraction, PhaseEncodeAxis.parse(phaseEncode), seed,
                "sigma".equals(noise) ? noiseLevel : 0, "snr".equals(noise) ? Double.valueOf(noiseLevel) : null, tv,
                tvLambda);
        Path folder = outputFolder == null ? null : outputFolder.toPath();
        if (folder != null) {
            SimulationFiles.checkWritable(folder, tv, overwrite);
        }
        String title = image.getTitle();
        ComplexImage x = MriImageFiles.fromImagePlus(image, title);
        log().status("Simulating MRI acquisition of " + title);
        MriSimulation.Result r = MriSimulation.run(x, settings);
        r.report(title).forEach(log()::info);

        int w = x.width();
        int h = x.height();
        String base = ImageTitles.stem(title);
        kspace = MriImageFiles.complexImagePlus(r.acquisition().kspace(), base + " k-space (re, im)");
        // A title macros can rely on; the mask's description (type, exact R) is in the image info.
        maskImage = MriImageFiles.maskImagePlus(r.mask(), base + " mask");
        zeroFilled = MriImageFiles.floatImagePlus(r.zeroFilled().magnitudeFloat(), w, h, base + " zero-filled");
        if (r.tv() != null) {
            tvImage = MriImageFiles.floatImagePlus(r.tv().image().magnitudeFloat(), w, h, base + " TV-CS");
        }
        if (folder != null) {
            for (Path p : SimulationFiles.write(r, folder, overwrite)) {
                log().info("wrote " + p);
            }
        }
    }

    public ImagePlus kspace() {
        return kspace;
    }

    public ImagePlus maskImage() {
        return maskImage;
    }

    public ImagePlus zeroFilled() {
        return zeroFilled;
    }

    public ImagePlus tvImage() {
        return tvImage;
    }
}
