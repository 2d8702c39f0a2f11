package org.deepsplines.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deepsplines.mri.Acquisition;
import org.deepsplines.mri.CenteredFft2;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.KSpaceNoise;
import org.deepsplines.mri.MaskGenerator;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.PhaseEncodeAxis;
import org.deepsplines.mri.ReconstructionMetrics;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.TvCompressedSensing;
import org.deepsplines.mri.TvParameters;
import org.deepsplines.mri.io.MriImageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    static final String KSPACE_FILE = "kspace_re_im.tif";
    static final String MASK_FILE = "mask.tif";
    static final String ZERO_FILLED_FILE = "zero_filled.tif";
    static final String TV_FILE = "tv_cs.tif";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "Input: a magnitude image (PNG/TIFF, 8/16/32-bit) or a two-slice 32-bit TIFF (real, imaginary).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--accel", defaultValue = "4", paramLabel = "R",
            description = "Target acceleration R > 1 (default: ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--mask", defaultValue = "cartesian", paramLabel = "TYPE",
            description = "cartesian (variable-density random lines), equispaced, radial (golden-angle spokes)"
                    + " or random (2D points). Default: ${DEFAULT-VALUE}.")
    String maskType;

    @Option(names = "--center-fraction", paramLabel = "F",
            description = "Fully sampled central fraction (lines, or ellipse diameter for random points);"
                    + " default 0.32/R (8%% at 4x, 4%% at 8x). Ignored by radial masks.")
    Double centerFraction;

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
        MaskType type = MaskType.parse(maskType);
        PhaseEncodeAxis axis = parseAxis(phaseEncode);
        MaskGenerator generator = type.generator(acceleration, centerFraction, axis);
        List<Path> targets = new ArrayList<>(List.of(out.resolve(KSPACE_FILE), out.resolve(MASK_FILE),
                out.resolve(ZERO_FILLED_FILE)));
        if (tv) {
            targets.add(out.resolve(TV_FILE));
        }
        if (!overwrite) {
            for (Path p : targets) {
                if (Files.exists(p)) {
                    throw new IllegalArgumentException(p + " exists; pass --overwrite to replace it, or choose"
                            + " another --out folder");
                }
            }
        }

        ComplexImage image = MriImageFiles.readImage(input);
        image.requireFinite("input image " + input);
        SamplingMask mask = generator.generate(image.width(), image.height(), seed);
        double sigma = noiseSigma;
        if (snrDb != null) {
            sigma = KSpaceNoise.sigmaForSnrDb(CenteredFft2.forward(image), mask, snrDb);
        }
        Acquisition acq = Acquisition.simulate(image, mask, sigma, seed + 1);
        ComplexImage zeroFilled = acq.zeroFilled();

        PrintWriter log = spec.commandLine().getOut();
        double[] reference = image.magnitude();
        log.printf(Locale.ROOT, "input: %s (%dx%d%s)%n", input, image.width(), image.height(),
                isReal(image) ? ", magnitude" : ", complex");
        log.printf(Locale.ROOT, "mask: %s%n", mask.description());
        log.printf(Locale.ROOT, "acceleration: %.4f exact (requested %.4g), %d of %d k-space samples (fraction %.4f)%n",
                mask.acceleration(), acceleration, mask.sampledCount(), mask.totalCount(), mask.sampledFraction());
        log.printf(Locale.ROOT, "noise: sigma %.6g per real/imaginary component%n", sigma);
        log.printf(Locale.ROOT, "zero-filled PSNR vs input magnitude: %.2f dB%n",
                ReconstructionMetrics.psnr(reference, zeroFilled.magnitude()));

        MriImageFiles.writeComplex(acq.kspace(), targets.get(0), overwrite);
        MriImageFiles.writeMask(mask, targets.get(1), overwrite);
        MriImageFiles.writeFloat(zeroFilled.magnitudeFloat(), image.width(), image.height(), targets.get(2), overwrite);
        if (tv) {
            TvParameters p = TvParameters.defaults();
            if (tvLambda != null) {
                p = p.withRelativeLambda(tvLambda);
            }
            TvCompressedSensing.Result r = new TvCompressedSensing(p).reconstruct(acq.kspace(), mask);
            log.printf(Locale.ROOT, "TV-CS PSNR vs input magnitude: %.2f dB (%d iterations)%n",
                    ReconstructionMetrics.psnr(reference, r.image().magnitude()), r.iterations());
            MriImageFiles.writeFloat(r.image().magnitudeFloat(), image.width(), image.height(), targets.get(3),
                    overwrite);
        }
        for (Path p : targets) {
            log.println("wrote " + p);
        }
        log.flush();
        return 0;
    }

    private static PhaseEncodeAxis parseAxis(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "x":
                return PhaseEncodeAxis.X;
            case "y":
                return PhaseEncodeAxis.Y;
            default:
                throw new IllegalArgumentException("--phase-encode must be x or y, got '" + name + "'");
        }
    }

    private static boolean isReal(ComplexImage image) {
        for (double v : image.im()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
