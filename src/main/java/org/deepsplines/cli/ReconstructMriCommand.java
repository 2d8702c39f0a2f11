package org.deepsplines.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deepsplines.mri.Acquisition;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.TvCompressedSensing;
import org.deepsplines.mri.TvParameters;
import org.deepsplines.mri.ZeroFilledReconstruction;
import org.deepsplines.mri.io.BartCfl;
import org.deepsplines.mri.io.MriImageFiles;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriSampling;
import org.deepsplines.nn.DeviceSelection;
import org.deepsplines.train.metrics.Psnr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reconstruct-mri}: learned reconstruction of measured or simulated single-coil k-space. */
@Command(name = "reconstruct-mri", mixinStandardHelpOptions = true,
        description = {
            "Reconstruct an image from undersampled single-coil k-space with a learned model, either",
            "  measured:  --kspace FILE (two-slice real/imaginary 32-bit TIFF, or BART .cfl/.hdr) --mask MASK.tif",
            "  simulated: --image FILE [--accel R] [--mask cartesian|equispaced|radial|random] [--seed S]",
            "and write the magnitude (or, with --complex, real and imaginary slices) as a 32-bit TIFF."})
final class ReconstructMriCommand implements Callable<Integer> {
    @Option(names = "--kspace", paramLabel = "FILE", description = "Measured k-space: two-slice 32-bit TIFF (real, imaginary) or BART .cfl/.hdr.")
    Path kspace;

    @Option(names = "--image", paramLabel = "FILE", description = "Ground-truth image from which an acquisition is simulated.")
    Path image;

    @Option(names = "--mask", paramLabel = "MASK",
            description = "With --kspace: mask TIFF (nonzero = sampled). With --image: mask type cartesian, equispaced,"
                    + " radial or random (default: the model's).")
    String mask;

    @Option(names = "--accel", paramLabel = "R", description = "With --image: acceleration (default: the model's).")
    Double accel;

    @Option(names = "--center-fraction", paramLabel = "F", description = "With --image: fully sampled centre fraction.")
    Double centerFraction;

    @Option(names = "--seed", defaultValue = "0", description = "With --image: mask seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", description = "Model file; default: the bundled model (cartesian, 4x unless --mask/--accel say otherwise).")
    Path model;

    @Option(names = {"--out", "-o"}, required = true, description = "Reconstruction to write (32-bit TIFF).")
    Path out;

    @Option(names = "--complex", description = "Write real and imaginary slices instead of the magnitude.")
    boolean complex;

    @Option(names = "--zero-filled", paramLabel = "FILE", description = "Also write the zero-filled magnitude.")
    Path zeroFilledOut;

    @Option(names = "--tv", paramLabel = "FILE", description = "Also write the TV compressed-sensing magnitude.")
    Path tvOut;

    @Option(names = "--tv-lambda", paramLabel = "L", description = "TV weight relative to the zero-filled maximum (default 0.005).")
    Double tvLambda;

    @Mixin DeviceOption device;

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if ((kspace == null) == (image == null)) {
            throw new IllegalArgumentException("give either --kspace FILE with --mask MASK.tif, or --image FILE");
        }
        checkOutputs();
        PrintStream log = System.out;
        DeviceSelection where = device.select();
        ComplexImage measured;
        SamplingMask sampling;
        ComplexImage truth = null;
        MriReconstructionModel m;
        if (kspace != null) {
            if (mask == null) {
                throw new IllegalArgumentException("--kspace needs --mask MASK.tif (the sampling mask, nonzero = sampled)");
            }
            if (accel != null || centerFraction != null) {
                throw new IllegalArgumentException("--accel and --center-fraction only apply to --image (simulation);"
                        + " measured k-space comes with its own --mask");
            }
            sampling = MriImageFiles.readMask(Path.of(mask));
            measured = readKspace(kspace);
            m = MriModelChoice.open(model, MaskType.CARTESIAN, 4, where.device());
            log.printf(Locale.ROOT, "k-space %dx%d, mask %d of %d samples (R = %.3f); model trained for %s%n",
                    measured.width(), measured.height(), sampling.sampledCount(), sampling.totalCount(),
                    sampling.acceleration(), m.sampling().settingName());
        } else {
            MaskType type = mask == null ? null : MaskType.parse(mask);
            m = MriModelChoice.open(model, type == null ? MaskType.CARTESIAN : type, accel == null ? 4 : accel,
                    where.device());
            try { // the model owns native memory: free it if the input is refused
                MriSampling s = new MriSampling(type == null ? m.sampling().maskType() : type,
                        accel == null ? m.sampling().acceleration() : accel,
                        centerFraction != null ? centerFraction
                                : (type == null && accel == null ? m.sampling().centerFraction() : null), null);
                MriModelChoice.warnIfMismatched(m, s.maskType(), s.acceleration(), System.err);
                truth = MriImageFiles.readImage(image);
                truth.requireFinite("input image " + image);
                sampling = s.generator().generate(truth.width(), truth.height(), seed);
                measured = Acquisition.simulate(truth, sampling, 0, 0).kspace();
                log.printf(Locale.ROOT, "simulated %s: %d of %d samples (R = %.3f exact)%n", s, sampling.sampledCount(),
                        sampling.totalCount(), sampling.acceleration());
            } catch (Exception e) {
                m.close();
                throw e;
            }
        }
        try (MriReconstructionModel model = m) {
            long t0 = System.nanoTime();
            ComplexImage rec = model.reconstruct(measured, sampling);
            log.printf(Locale.ROOT, "reconstructed in %.2f s%n", (System.nanoTime() - t0) / 1e9);
            report(log, "model", truth, rec);
            if (complex) {
                MriImageFiles.writeComplex(rec, out, overwrite);
            } else {
                MriImageFiles.writeFloat(rec.magnitudeFloat(), rec.width(), rec.height(), out, overwrite);
            }
            log.println("wrote " + out);
            if (zeroFilledOut != null) {
                ComplexImage zf = ZeroFilledReconstruction.complex(measured, sampling);
                report(log, "zero-filled", truth, zf);
                MriImageFiles.writeFloat(zf.magnitudeFloat(), zf.width(), zf.height(), zeroFilledOut, overwrite);
                log.println("wrote " + zeroFilledOut);
            }
            if (tvOut != null) {
                TvParameters p = tvLambda == null ? TvParameters.defaults()
                        : TvParameters.defaults().withRelativeLambda(tvLambda);
                ComplexImage tv = new TvCompressedSensing(p).reconstruct(sampling.apply(measured), sampling).image();
                report(log, "TV-CS", truth, tv);
                MriImageFiles.writeFloat(tv.magnitudeFloat(), tv.width(), tv.height(), tvOut, overwrite);
                log.println("wrote " + tvOut);
            }
        }
        return 0;
    }

    /** Reads TIFF or BART k-space; multi-coil BART data are refused by the single-coil model. */
    private static ComplexImage readKspace(Path file) throws java.io.IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cfl") || name.endsWith(".hdr")) {
            return MriReconstructionModel.singleCoil(BartCfl.read(file), file.toString());
        }
        return MriImageFiles.readComplex(file);
    }

    private void checkOutputs() {
        List<Path> targets = new ArrayList<>(List.of(out));
        if (zeroFilledOut != null) {
            targets.add(zeroFilledOut);
        }
        if (tvOut != null) {
            targets.add(tvOut);
        }
        if (!overwrite) {
            for (Path p : targets) {
                if (Files.exists(p)) {
                    throw new IllegalArgumentException(p + " exists; pass --overwrite to replace it");
                }
            }
        }
    }

    private static void report(PrintStream log, String what, ComplexImage truth, ComplexImage rec) {
        if (truth == null) {
            return;
        }
        double peak = truth.maxAbs();
        float[] ref = scaled(truth, peak);
        log.printf(Locale.ROOT, "%s PSNR vs input: %.2f dB%n", what, Psnr.compute(ref, scaled(rec, peak), 1.0));
    }

    private static float[] scaled(ComplexImage z, double peak) {
        double[] mag = z.magnitude();
        float[] f = new float[mag.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (mag[i] / peak);
        }
        return f;
    }
}
