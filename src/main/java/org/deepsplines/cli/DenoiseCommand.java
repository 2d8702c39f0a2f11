package org.deepsplines.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepsplines.denoise.DenoiseFiles;
import org.deepsplines.denoise.DenoiseOptions;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.nn.DeviceSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code denoise}: applies a denoiser to an image, a stack, or every image of a folder. */
@Command(name = "denoise", mixinStandardHelpOptions = true,
        description = "Denoise an image, z-stack or folder of images with a trained model (default: the bundled blind denoiser).")
final class DenoiseCommand implements Callable<Integer> {
    @Option(names = {"--input", "-i"}, required = true, description = "Image file, or a folder of images.")
    Path input;

    @Option(names = {"--output", "-o"}, required = true, description = "Output file (TIFF), or a folder when the input is a folder.")
    Path output;

    @Option(names = "--model", description = "Model file (.dsmodel); default: the bundled blind grayscale denoiser.")
    Path model;

    @Option(names = "--keep-type", description = "Write the input's bit depth (8/16-bit, clamped and rounded) instead of 32-bit.")
    boolean keepType;

    @Option(names = "--clip", description = "Clip results to the input's value range (recommended for 8-bit photos).")
    boolean clip;

    @Option(names = "--tile", defaultValue = "0", description = "Tile size in pixels, 0 = from the memory budget (default: ${DEFAULT-VALUE}).")
    int tile;

    @Option(names = "--memory-mb", defaultValue = "512", description = "Memory budget per tile in MiB (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    @Mixin DeviceOption device;

    @Override
    public Integer call() throws Exception {
        DeviceSelection where = device.select();
        try (DenoiserModel m = DenoiserModel.loadOrBundled(model, where.device())) {
            DenoiseOptions options = DenoiseOptions.defaults().withTileSize(tile).withMemoryBudget(memoryMb << 20)
                    .withClip(clip);
            new DenoiseFiles(m).options(options).keepType(keepType).overwrite(overwrite)
                    .run(input, output, d -> System.out.println(d.describe()));
        }
        return 0;
    }
}
