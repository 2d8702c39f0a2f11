package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.ZeroFilledReconstruction;
import org.deepsplines.mri.io.MriImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateMriCommandTest {

    /** Runs the CLI and returns exit code and captured stdout + stderr. */
    static Object[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int code = Main.run(args);
            capture.flush();
            return new Object[] {code, buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void writesKspaceMaskAndZeroFilledImageAndPrintsTheExactAcceleration(@TempDir Path dir) throws Exception {
        Path input = MriTestData.file("slices/colin27_t1_axial_z080.png");
        Path out = dir.resolve("sim");
        Object[] r = run("simulate-mri", input.toString(), "--out", out.toString(), "--accel", "4", "--seed", "3");
        String text = (String) r[1];
        assertEquals(0, r[0], text);
        // 181 columns at 4x -> 45 lines -> R = 181/45
        assertTrue(text.contains("acceleration: 4.0222 exact"), text);

        ImagePlus k = IJ.openImage(out.resolve("kspace_re_im.tif").toString());
        assertEquals(2, k.getStackSize());
        assertEquals(32, k.getBitDepth());
        ImagePlus m = IJ.openImage(out.resolve("mask.tif").toString());
        assertEquals(8, m.getBitDepth());
        assertEquals(181, m.getWidth());
        assertEquals(217, m.getHeight());
        SamplingMask mask = MriImageFiles.readMask(out.resolve("mask.tif"));
        assertEquals(181.0 / 45, mask.acceleration(), 1e-12);
        ImagePlus zf = IJ.openImage(out.resolve("zero_filled.tif").toString());
        assertEquals(32, zf.getBitDepth());

        // the written zero-filled image is the inverse FFT of the written k-space
        ComplexImage kspace = MriImageFiles.readComplex(out.resolve("kspace_re_im.tif"));
        double[] expected = ZeroFilledReconstruction.magnitude(kspace, mask);
        float[] written = (float[]) zf.getProcessor().getPixels();
        for (int i = 0; i < expected.length; i += 97) {
            assertEquals(expected[i], written[i], 1e-3);
        }
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "no temporary files left");
        }
    }

    @Test
    void refusesToOverwriteUnlessAsked(@TempDir Path dir) throws Exception {
        Path input = MriTestData.file("slices/mr_small_64x64_16bit.png");
        String o = dir.toString();
        assertEquals(0, run("simulate-mri", input.toString(), "--out", o, "--mask", "random")[0]);
        byte[] before = Files.readAllBytes(dir.resolve("mask.tif"));
        Object[] again = run("simulate-mri", input.toString(), "--out", o, "--mask", "random", "--seed", "9");
        assertEquals(2, again[0]);
        assertTrue(((String) again[1]).contains("--overwrite"), (String) again[1]);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("mask.tif"))));
        Object[] forced = run("simulate-mri", input.toString(), "--out", o, "--mask", "random", "--seed", "9",
                "--overwrite");
        assertEquals(0, forced[0], (String) forced[1]);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("mask.tif"))));
    }

    @Test
    void acceptsComplexInputRadialMasksNoiseAndTv(@TempDir Path dir) throws Exception {
        Path input = MriTestData.file("complex/brain_slice_complex_re_im_float32.tif");
        Object[] r = run("simulate-mri", input.toString(), "--out", dir.toString(), "--mask", "radial", "--accel", "6",
                "--snr-db", "30", "--tv");
        String text = (String) r[1];
        assertEquals(0, r[0], text);
        assertTrue(text.contains("complex") && text.contains("spokes") && text.contains("TV-CS PSNR"), text);
        assertTrue(Files.exists(dir.resolve("tv_cs.tif")));
    }

    @Test
    void badArgumentsGiveOneLineErrors(@TempDir Path dir) {
        Path input = MriTestData.file("slices/mr_small_64x64_16bit.png");
        Object[] r = run("simulate-mri", input.toString(), "--out", dir.toString(), "--accel", "1");
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("greater than 1"), (String) r[1]);
        Object[] m = run("simulate-mri", input.toString(), "--out", dir.toString(), "--mask", "spiral");
        assertEquals(2, m[0]);
        assertTrue(((String) m[1]).contains("unknown mask type"), (String) m[1]);
        Object[] s = run("simulate-mri", "missing.png", "--out", dir.toString());
        assertEquals(2, s[0]);
        assertTrue(((String) s[1]).contains("no such file"), (String) s[1]);
    }
}
