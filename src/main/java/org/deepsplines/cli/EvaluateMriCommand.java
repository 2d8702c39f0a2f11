package org.deepsplines.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepsplines.mri.TvParameters;
import org.deepsplines.mri.learned.MriEvaluation;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriSampling;
import org.deepsplines.mri.learned.MriSlice;
import org.deepsplines.mri.learned.MriSliceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate-mri}: zero-filled, TV-CS and learned reconstructions of simulated acquisitions. */
@Command(name = "evaluate-mri", mixinStandardHelpOptions = true,
        description = {
            "For each image of DIR: draw a mask (seed + image index), simulate noiseless single-coil k-space,",
            "reconstruct by zero filling, TV compressed sensing and the model, and print one line per image,",
            "then a JSON line {\"images\":N,\"psnr_zero_filled\":..,\"psnr_tv\":..,\"psnr\":..,\"ssim\":..}.",
            "PSNR/SSIM compare magnitudes divided by the ground truth's maximum (data range 1)."})
final class EvaluateMriCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of ground-truth slices (PNG/TIFF; two-slice 32-bit TIFFs are complex).")
    Path dir;

    @Mixin MaskOptions acquisition;

    @Option(names = "--seed", defaultValue = "0", description = "Mask seed of the first image (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", description = "Model file; default: the bundled model for this mask and acceleration.")
    Path model;

    @Option(names = "--no-tv", description = "Skip TV compressed sensing (psnr_tv is then null).")
    boolean noTv;

    @Option(names = "--tv-lambda", paramLabel = "L", description = "TV weight relative to the zero-filled maximum (default 0.005).")
    Double tvLambda;

    @Override
    public Integer call() throws Exception {
        MriSampling sampling = acquisition.sampling();
        List<MriSlice> images = MriSliceReader.folder(dir, w -> System.err.println("warning: " + w));
        TvParameters tv = null;
        if (!noTv) {
            tv = tvLambda == null ? TvParameters.defaults() : TvParameters.defaults().withRelativeLambda(tvLambda);
        }
        try (MriReconstructionModel m = MriModelChoice.open(model, sampling.maskType(), sampling.acceleration())) {
            MriModelChoice.warnIfMismatched(m, sampling.maskType(), sampling.acceleration(), System.err);
            MriEvaluation.Summary s = MriEvaluation.run(m, images, sampling.generator(), seed, tv,
                    r -> System.out.println(r.describe()));
            System.out.println(s.toJsonLine());
        }
        return 0;
    }
}
