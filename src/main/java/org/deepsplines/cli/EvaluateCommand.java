package org.deepsplines.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.denoise.DenoiseEvaluation;
import org.deepsplines.denoise.DenoiserModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate}: PSNR/SSIM of a denoiser on a folder of clean images with seeded synthetic noise. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Add seeded Gaussian noise to each image of DIR, denoise, and print per-image PSNR/SSIM and a final JSON line.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of clean test images.")
    Path dir;

    @Option(names = "--sigma", required = true, description = "Noise σ on the 0–255 scale.")
    double sigma;

    @Option(names = "--seed", defaultValue = "0", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", description = "Model file; default: the bundled blind denoiser.")
    Path model;

    @Override
    public Integer call() throws Exception {
        ImageFolderReader.Result read = new ImageFolderReader().read(dir);
        read.warnings().forEach(w -> System.err.println("warning: " + w));
        try (DenoiserModel m = model == null ? DenoiserModel.bundled() : DenoiserModel.load(model)) {
            DenoiseEvaluation.Summary s = DenoiseEvaluation.run(m, read.images(), sigma, seed,
                    r -> System.out.println(r.describe()));
            System.out.println(s.toJsonLine());
        }
        return 0;
    }
}
