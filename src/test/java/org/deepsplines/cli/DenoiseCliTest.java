package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.*;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The denoising commands end to end on small images, including the user errors they must explain. */
class DenoiseCliTest {
    static final Path SAMPLES = Path.of("sample-images/denoising/natural");

    /** Runs the CLI, capturing stdout and stderr. */
    static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

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
        String[] r = run("train-denoiser", "--images", imgs.toString(), "--out", model.toString(), "--depth", "3",
                "--width", "4", "--spline-size", "11", "--steps", "6", "--batch", "2", "--patch", "32",
                "--validate-every", "3", "--sigma", "25");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.exists(model));

        // The same output again is refused, and the file is left alone.
        long size = Files.size(model);
        String[] again = run("train-denoiser", "--images", imgs.toString(), "--out", model.toString(), "--steps", "1");
        assertEquals("2", again[0]);
        assertTrue(again[2].contains("exists already"), again[2]);
        assertEquals(size, Files.size(model));

        Path out = dir.resolve("den.tif");
        String[] d = run("denoise", "--input", imgs.resolve("coins.png").toString(), "--output", out.toString(),
                "--model", model.toString());
        assertEquals("0", d[0], d[2]);
        ImagePlus res = IJ.openImage(out.toString());
        assertEquals(96, res.getWidth());
        assertEquals(32, res.getBitDepth());
        String[] again2 = run("denoise", "--input", imgs.resolve("coins.png").toString(), "--output", out.toString(),
                "--model", model.toString());
        assertEquals("2", again2[0]);

        String[] ev = run("evaluate", imgs.toString(), "--sigma", "25", "--seed", "1", "--model", model.toString());
        assertEquals("0", ev[0], ev[2]);
        String last = ev[1].strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("\\{\"images\":2,\"sigma\":25,\"psnr_noisy\":[0-9.]+,\"psnr\":[0-9.]+,\"ssim\":-?[0-9.]+}"), last);
    }

    @Test
    void emptyFolderRgbAndCorruptModelGiveClearErrors(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[] r = run("train-denoiser", "--images", empty.toString(), "--out", dir.resolve("x.dsmodel").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("error:") && r[2].toLowerCase().contains("png"), r[2]);

        Path rgb = dir.resolve("rgb.png");
        assertTrue(new FileSaver(new ImagePlus("rgb", new ColorProcessor(64, 64))).saveAsPng(rgb.toString()));
        Path model = dir.resolve("m.dsmodel");
        Files.writeString(model, "not a model");
        String[] bad = run("denoise", "--input", rgb.toString(), "--output", dir.resolve("o.tif").toString(),
                "--model", model.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("not a DeepSplines model") || bad[2].contains("damaged"), bad[2]);

        Path truncated = dir.resolve("t.dsmodel");
        Files.write(truncated, new byte[] {'P', 'K', 3, 4, 0, 0});
        String[] t = run("denoise", "--input", rgb.toString(), "--output", dir.resolve("o.tif").toString(),
                "--model", truncated.toString());
        assertEquals("2", t[0]);
        assertTrue(t[2].contains("damaged"), t[2]);
    }

    @Test
    void rgbInputIsRejectedWithConversionHint(@TempDir Path dir) throws Exception {
        Path imgs = smallImages(dir);
        Path model = dir.resolve("m.dsmodel");
        assertEquals("0", run("train-denoiser", "--images", imgs.toString(), "--out", model.toString(), "--depth", "2",
                "--width", "2", "--spline-size", "5", "--steps", "1", "--batch", "1", "--patch", "16", "--validation", "0")[0]);
        Path rgb = dir.resolve("rgb.png");
        assertTrue(new FileSaver(new ImagePlus("rgb", new ColorProcessor(32, 32))).saveAsPng(rgb.toString()));
        String[] r = run("denoise", "--input", rgb.toString(), "--output", dir.resolve("o.tif").toString(), "--model",
                model.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("8-bit or 32-bit"), r[2]);
        assertFalse(Files.exists(dir.resolve("o.tif")));
        // A float image round-trips through the command as 32-bit.
        Path flt = dir.resolve("f.tif");
        assertTrue(new FileSaver(new ImagePlus("f", new FloatProcessor(32, 32))).saveAsTiff(flt.toString()));
        assertEquals("0", run("denoise", "--input", flt.toString(), "--output", dir.resolve("fo.tif").toString(),
                "--model", model.toString())[0]);
    }
}
