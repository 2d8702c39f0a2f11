package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.*;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The denoising commands end to end on small images, including the user errors they must explain. */
class DenoiseCliTest {
    static final Path SAMPLES = Path.of("sample-images/denoising/natural");

    static Path smallImages(Path dir) throws Exception {
        Path imgs = Files.createDirectories(dir.resolve("train"));
        for (String n : new String[] {"coins.png", "text.png"}) {
            ImagePlus imp = IJ.openImage(SAMPLES.resolve(n).toString());
            imp.setRoi(0, 0, 96, 96);
            assertTrue(new FileSaver(imp.crop()).saveAsPng(imgs.resolve(n).toString()));
        }
        return imgs;
    }

    @Test
    void trainDenoiseAndEvaluate(@TempDir Path dir) throws Exception {
        Path imgs = smallImages(dir);
        Path model = dir.resolve("m.dsmodel");
        CliRun r = CliRun.of("train-denoiser", "--images", imgs.toString(), "--out", model.toString(), "--depth", "3",
                "--width", "4", "--spline-size", "11", "--steps", "6", "--batch", "2", "--patch", "32",
                "--validate-every", "3", "--sigma", "25");
        assertEquals(0, r.exitCode, r.err);
        assertTrue(Files.exists(model));

        // The same output again is refused, and the file is left alone.
        long size = Files.size(model);
        CliRun again = CliRun.of("train-denoiser", "--images", imgs.toString(), "--out", model.toString(), "--steps", "1");
        assertEquals(2, again.exitCode);
        assertTrue(again.err.contains("exists already"), again.err);
        assertEquals(size, Files.size(model));

        Path out = dir.resolve("den.tif");
        CliRun d = CliRun.of("denoise", "--input", imgs.resolve("coins.png").toString(), "--output", out.toString(),
                "--model", model.toString());
        assertEquals(0, d.exitCode, d.err);
        ImagePlus res = IJ.openImage(out.toString());
        assertEquals(96, res.getWidth());
        assertEquals(32, res.getBitDepth());
        CliRun again2 = CliRun.of("denoise", "--input", imgs.resolve("coins.png").toString(), "--output", out.toString(),
                "--model", model.toString());
        assertEquals(2, again2.exitCode);

        CliRun ev = CliRun.of("evaluate", imgs.toString(), "--sigma", "25", "--seed", "1", "--model", model.toString());
        assertEquals(0, ev.exitCode, ev.err);
        String last = ev.lastLine();
        assertTrue(last.matches("\\{\"images\":2,\"sigma\":25,\"psnr_noisy\":[0-9.]+,\"psnr\":[0-9.]+,\"ssim\":-?[0-9.]+}"), last);
    }

    @Test
    void emptyFolderRgbAndCorruptModelGiveClearErrors(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = CliRun.of("train-denoiser", "--images", empty.toString(), "--out", dir.resolve("x.dsmodel").toString());
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("error:") && r.err.toLowerCase().contains("png"), r.err);

        Path rgb = dir.resolve("rgb.png");
        assertTrue(new FileSaver(new ImagePlus("rgb", new ColorProcessor(64, 64))).saveAsPng(rgb.toString()));
        Path model = dir.resolve("m.dsmodel");
        Files.writeString(model, "not a model");
        CliRun bad = CliRun.of("denoise", "--input", rgb.toString(), "--output", dir.resolve("o.tif").toString(),
                "--model", model.toString());
        assertEquals(2, bad.exitCode);
        assertTrue(bad.err.contains("not a DeepSplines model") || bad.err.contains("damaged"), bad.err);

        Path truncated = dir.resolve("t.dsmodel");
        Files.write(truncated, new byte[] {'P', 'K', 3, 4, 0, 0});
        CliRun t = CliRun.of("denoise", "--input", rgb.toString(), "--output", dir.resolve("o.tif").toString(),
                "--model", truncated.toString());
        assertEquals(2, t.exitCode);
        assertTrue(t.err.contains("damaged"), t.err);
    }

    @Test
    void rgbInputIsRejectedWithConversionHint(@TempDir Path dir) throws Exception {
        Path imgs = smallImages(dir);
        Path model = dir.resolve("m.dsmodel");
        assertEquals(0, CliRun.of("train-denoiser", "--images", imgs.toString(), "--out", model.toString(), "--depth", "2",
                "--width", "2", "--spline-size", "5", "--steps", "1", "--batch", "1", "--patch", "16", "--validation", "0").exitCode);
        Path rgb = dir.resolve("rgb.png");
        assertTrue(new FileSaver(new ImagePlus("rgb", new ColorProcessor(32, 32))).saveAsPng(rgb.toString()));
        CliRun r = CliRun.of("denoise", "--input", rgb.toString(), "--output", dir.resolve("o.tif").toString(), "--model",
                model.toString());
        assertEquals(2, r.exitCode);
        assertTrue(r.err.contains("8-bit or 32-bit"), r.err);
        assertFalse(Files.exists(dir.resolve("o.tif")));
        // A float image round-trips through the command as 32-bit.
        Path flt = dir.resolve("f.tif");
        assertTrue(new FileSaver(new ImagePlus("f", new FloatProcessor(32, 32))).saveAsTiff(flt.toString()));
        assertEquals(0, CliRun.of("denoise", "--input", flt.toString(), "--output", dir.resolve("fo.tif").toString(),
                "--model", model.toString()).exitCode);
    }
}
