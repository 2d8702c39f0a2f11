package org.deepsplines.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MriSimulation;
import org.deepsplines.mri.PhaseEncodeAxis;
import org.deepsplines.mri.io.MriImageFiles;
import org.deepsplines.mri.io.SimulationFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulate-mri}: undersampled single-coil k-space from an image, with its mask and zero-filled image. */
@Command(name = "simulate-mri", mixinStandardHelpOptions = true,
        description = {
            "Simulates an undersampled single-coil MRI acquisition y = M (F x + n),",
            "F the centred orthonormal 2D FFT, and writes to the output folder:",
            "  kspace_re_im.tif  k-space, two 32-bit slices (real, imaginary)",
            "  mask.tif          sampling mask, 8-bit, 255 = sampled",
            "  zero_filled.tif   zero-filled magnitude, 32-bit",
            "Prints the exact acceleration reached (total / sampled k-space points)."})
public final class SimulateMriCommand implements Callable<Integer> {

    static final String KSPACE_FILE = SimulationFiles.KSPACE_FILE;
    static final String MASK_FILE = SimulationFiles.MASK_FILE;
    static final String ZERO_FILLED_FILE = SimulationFiles.ZERO_FILLED_FILE;
    static final String TV_FILE = SimulationFiles.TV_FILE;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "Input: a magnitude image (PNG/TIFF, 8/16/32-bit) or a two-slice 32-bit TIFF (real, imaginary).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Mixin MaskOptions acquisition;

    @Option(names = "--phase-encode", defaultValue = "x", paramLabel = "AXIS",
            description = "Phase-encode axis of line masks: x (whole k-space columns are sampled) or y (rows)."
                    + " Default: ${DEFAULT-VALUE}.")
    String phaseEncode;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the mask; the noise uses seed + 1.")
    long seed;

    @Option(names = "--noise-sigma", defaultValue = "0", paramLabel = "SIGMA",
            description = "Complex Gaussian k-space noise, standard deviation per real/imaginary part, in image"
                    + " intensity units (the FFT is orthonormal). Default: ${DEFAULT-VALUE}.")
    double noiseSigma;

    @Option(names = "--snr-db", paramLabel = "DB",
            description = "Set the noise by SNR instead: 10 log10(mean sampled |y|^2 / (2 sigma^2)).")
    Double snrDb;

    @Option(names = "--tv", description = "Also reconstruct with TV compressed sensing (writes " + TV_FILE + ").")
    boolean tv;

    @Option(names = "--tv-lambda", paramLabel = "L",
            description = "TV weight relative to the zero-filled image's maximum (default 0.005).")
    Double tvLambda;

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (snrDb != null && noiseSigma != 0) {
            throw new IllegalArgumentException("give either --noise-sigma or --snr-db, not both");
        }
        MriSimulation.Settings settings = new MriSimulation.Settings(acquisition.type(), acquisition.accel,
                acquisition.centerFraction, PhaseEncodeAxis.parse(phaseEncode), seed, noiseSigma, snrDb, tv, tvLambda);
        SimulationFiles.checkWritable(out, tv, overwrite);
        ComplexImage image = MriImageFiles.readImage(input);
        image.requireFinite("input image " + input);
        MriSimulation.Result result = MriSimulation.run(image, settings);

        PrintWriter log = spec.commandLine().getOut();
        result.report(input.toString()).forEach(log::println);
        for (Path p : SimulationFiles.write(result, out, overwrite)) {
            log.println("wrote " + p);
        }
        log.flush();
        return 0;
    }
}
