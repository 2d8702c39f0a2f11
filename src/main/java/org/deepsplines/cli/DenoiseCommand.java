package org.deepsplines.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.ImageFiles;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.denoise.DenoiseOptions;
import org.deepsplines.denoise.DenoiserModel;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() throws Exception {
        try (DenoiserModel m = model == null ? DenoiserModel.bundled() : DenoiserModel.load(model)) {
            DenoiseOptions options = DenoiseOptions.defaults().withTileSize(tile).withMemoryBudget(memoryMb << 20)
                    .withClip(clip);
            List<Path> files = new ArrayList<>();
            boolean folder = Files.isDirectory(input);
            if (folder) {
                files.addAll(new ImageFolderReader().listImageFiles(input));
                if (files.isEmpty()) {
                    throw new IllegalArgumentException("No PNG/TIFF image in " + input);
                }
                Files.createDirectories(output);
            } else {
                files.add(input);
            }
            for (Path f : files) {
                Path target = folder ? output.resolve(stem(f) + "_denoised.tif") : output;
                ImageFiles.Opened opened = ImageFiles.open(f);
                GrayImage in = opened.image();
                long t0 = System.nanoTime();
                GrayImage res = m.denoise(in, options.withProgress(p -> {}));
                ImageFiles.write(res, opened.calibration(), keepType ? Math.max(8, in.bitDepth()) : 32, target, overwrite);
                System.out.printf("%s -> %s (%dx%dx%d, %.2f s)%n", f.getFileName(), target, in.width(), in.height(),
                        in.depth(), (System.nanoTime() - t0) / 1e9);
            }
        }
        return 0;
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
