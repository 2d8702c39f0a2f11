package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.mri.CenteredFft2;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.io.MriImageFiles;
import org.deepsplines.mri.learned.DataConsistencyKind;
import org.deepsplines.mri.learned.MriNetworkConfig;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriSampling;
import org.deepsplines.nn.ActivationKind;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MRI commands on real sample data, including the refusals of bad input. */
class MriCommandsTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path kspace;
    static Path mask;

    /** A tiny untrained unrolled model (the checks below concern input handling, not image quality). */
    @BeforeAll
    static void setUp() throws Exception {
        DnCnnConfig cnn = DnCnnConfig.builder().depth(2).width(4).channels(2)
                .activation(ActivationSpec.of(ActivationKind.RELU)).build();
        model = dir.resolve("tiny.dsmodel");
        try (MriReconstructionModel m = MriReconstructionModel.untrained(
                MriNetworkConfig.unrolled(cnn, 2, true, DataConsistencyKind.HARD), MriSampling.of(MaskType.CARTESIAN, 4), 1)) {
            m.save(model, false);
        }
        // 181 x 217: odd, not a power of two
        ComplexImage truth = MriTestData.slice("brainweb_t1_slice_itk.png");
        SamplingMask sm = MaskType.CARTESIAN.generator(4, null, null).generate(181, 217, 1);
        kspace = dir.resolve("k.tif");
        mask = dir.resolve("mask.tif");
        MriImageFiles.writeComplex(sm.apply(CenteredFft2.forward(truth)), kspace, false);
        MriImageFiles.writeMask(sm, mask, false);
    }

    @Test
    void reconstructsOddSizedMeasuredKspace() {
        Path out = dir.resolve("rec.tif");
        CliRun r = CliRun.of("reconstruct-mri", "--kspace", kspace.toString(), "--mask", mask.toString(),
                "--model", model.toString(), "--out", out.toString(), "--zero-filled", dir.resolve("zf.tif").toString());
        assertEquals(0, r.exitCode, r.err + r.out);
        ImagePlus imp = IJ.openImage(out.toString());
        assertEquals(181, imp.getWidth());
        assertEquals(217, imp.getHeight());
        assertEquals(32, imp.getBitDepth());
        assertTrue(imp.getProcessor().getStatistics().max > 0);
    }

    @Test
    void simulatedReconstructionReportsPsnr() {
        CliRun r = CliRun.of("reconstruct-mri", "--image", MriTestData.file("slices/brainweb_pd_slice_itk.png").toString(),
                "--model", model.toString(), "--accel", "8", "--mask", "radial", "--out", dir.resolve("sim.tif").toString(),
                "--tv", dir.resolve("tv.tif").toString());
        assertEquals(0, r.exitCode, r.err + r.out);
        assertTrue(r.out.contains("TV-CS PSNR vs input"), r.out);
        assertTrue(r.err.contains("trained for cartesian-4x, applied here to radial-8x"), r.err);
    }

    @Test
    void refusesMaskAndKspaceOfDifferentSizes() throws Exception {
        Path small = dir.resolve("small-mask.tif");
        MriImageFiles.writeMask(MaskType.CARTESIAN.generator(4, null, null).generate(180, 217, 1), small, true);
        CliRun r = CliRun.of("reconstruct-mri", "--kspace", kspace.toString(), "--mask", small.toString(),
                "--model", model.toString(), "--out", dir.resolve("x1.tif").toString());
        assertNotEquals(0, r.exitCode);
        assertTrue(r.err.contains("the sampling mask is 180x217 but the k-space is 181x217"), r.err);
    }

    @Test
    void refusesAnAllZeroMask() throws Exception {
        Path empty = dir.resolve("empty-mask.tif");
        MriImageFiles.writeMask(SamplingMask.of(181, 217, new boolean[181 * 217], "empty"), empty, true);
        CliRun r = CliRun.of("reconstruct-mri", "--kspace", kspace.toString(), "--mask", empty.toString(),
                "--model", model.toString(), "--out", dir.resolve("x2.tif").toString());
        assertNotEquals(0, r.exitCode);
        assertTrue(r.err.contains("mask is all zero"), r.err);
    }

    @Test
    void refusesAccelerationsOfOneOrLess() {
        for (String[] cmd : new String[][] {
                {"reconstruct-mri", "--image", MriTestData.file("slices/colin27_t1_axial_z080.png").toString(),
                        "--model", model.toString(), "--accel", "1", "--out", dir.resolve("x3.tif").toString()},
                {"evaluate-mri", MriTestData.root().resolve("complex").toString(), "--accel", "0.5",
                        "--model", model.toString()}}) {
            CliRun r = CliRun.of(cmd);
            assertNotEquals(0, r.exitCode);
            assertTrue(r.err.contains("acceleration must be a finite number greater than 1"), r.err);
        }
    }

    @Test
    void refusesNanInSampledKspace() throws Exception {
        ComplexImage k = MriImageFiles.readComplex(kspace);
        SamplingMask sm = MriImageFiles.readMask(mask);
        int sampled = 0;
        while (!sm.isSampled(sampled)) {
            sampled++;
        }
        k.re()[sampled] = Double.NaN;
        Path bad = dir.resolve("nan-k.tif");
        MriImageFiles.writeComplex(k, bad, true);
        CliRun r = CliRun.of("reconstruct-mri", "--kspace", bad.toString(), "--mask", mask.toString(),
                "--model", model.toString(), "--out", dir.resolve("x4.tif").toString());
        assertNotEquals(0, r.exitCode);
        assertTrue(r.err.contains("NaN"), r.err);
    }

    @Test
    void refusesMultiCoilKspaceForASingleCoilModel() throws Exception {
        Path m256 = dir.resolve("mask256.tif");
        MriImageFiles.writeMask(MaskType.CARTESIAN.generator(4, null, null).generate(256, 256, 1), m256, true);
        CliRun r = CliRun.of("reconstruct-mri", "--kspace", MriTestData.file("kspace/sl_ksp_4coil.cfl").toString(),
                "--mask", m256.toString(), "--model", model.toString(), "--out", dir.resolve("x5.tif").toString());
        assertNotEquals(0, r.exitCode);
        assertTrue(r.err.contains("4-coil k-space") && r.err.contains("single-coil"), r.err);
        // the single-coil BART k-space of the same phantom is accepted
        r = CliRun.of("reconstruct-mri", "--kspace", MriTestData.file("kspace/sl_ksp.cfl").toString(),
                "--mask", m256.toString(), "--model", model.toString(), "--out", dir.resolve("x6.tif").toString());
        assertEquals(0, r.exitCode, r.err);
    }

    @Test
    void evaluatePrintsOneLinePerImageAndAJsonSummary() {
        CliRun r = CliRun.of("evaluate-mri", MriTestData.root().resolve("complex").toString(), "--accel", "4",
                "--mask", "cartesian", "--seed", "1", "--model", model.toString());
        assertEquals(0, r.exitCode, r.err);
        String[] lines = r.out.strip().split("\n");
        assertEquals(2, lines.length, r.out);
        assertTrue(lines[0].startsWith("brain_slice_complex_re_im_float32.tif"), lines[0]);
        assertTrue(r.lastLine().matches("\\{\"images\":1,\"psnr_zero_filled\":[0-9.]+,\"psnr_tv\":[0-9.]+,"
                + "\"psnr\":[0-9.]+,\"ssim\":[0-9.]+\\}"), r.lastLine());
    }

    @Test
    void bundledModelBeatsZeroFillingOnAnUnseenSlice() {
        CliRun r = CliRun.of("evaluate-mri", MriTestData.root().resolve("complex").toString(), "--accel", "4",
                "--mask", "cartesian", "--seed", "1", "--no-tv");
        assertEquals(0, r.exitCode, r.err);
        com.google.gson.JsonObject j = com.google.gson.JsonParser.parseString(r.lastLine()).getAsJsonObject();
        assertTrue(j.get("psnr_tv").isJsonNull());
        double zf = j.get("psnr_zero_filled").getAsDouble();
        double model = j.get("psnr").getAsDouble();
        assertEquals(21.07, zf, 0.01);
        assertTrue(model > zf + 2.5, "bundled model " + model + " dB vs zero-filled " + zf + " dB");
    }

    @Test
    void namesTheBundledModelsWhenNoneMatches() {
        CliRun r = CliRun.of("evaluate-mri", MriTestData.root().resolve("complex").toString(), "--accel", "8",
                "--mask", "radial");
        assertNotEquals(0, r.exitCode);
        assertTrue(r.err.contains("no bundled MRI model for radial-8x; bundled models exist for cartesian-4x"), r.err);
    }

    @Test
    void trainsATinyModelFromAFolder() throws Exception {
        Path images = Files.createDirectories(dir.resolve("train"));
        for (String s : new String[] {"colin27_t1_axial_z060.png", "colin27_t1_axial_z100.png"}) {
            ImagePlus imp = IJ.openImage(MriTestData.file("slices/" + s).toString());
            imp.setProcessor(imp.getProcessor().resize(45, 54));
            new ij.io.FileSaver(imp).saveAsPng(images.resolve(s).toString());
        }
        Path out = dir.resolve("trained.dsmodel");
        CliRun r = CliRun.of("train-mri", "--images", images.toString(), "--net", "unrolled", "--iterations", "2",
                "--depth", "3", "--width", "4", "--steps", "3", "--validate-every", "3", "--out", out.toString());
        assertEquals(0, r.exitCode, r.err + r.out);
        assertTrue(r.out.contains("Training on 1 slice(s), validating on 1"), r.out);
        assertTrue(Files.size(out) > 0);
        r = CliRun.of("train-mri", "--images", images.toString(), "--volume", "x.nii", "--out", out.toString(),
                "--overwrite");
        assertTrue(r.err.contains("either --images DIR or --volume FILE"), r.err);

        // A checkpointed run continued with a new --steps total trains the extra steps.
        Path cp = dir.resolve("run.ckpt");
        r = CliRun.of("train-mri", "--images", images.toString(), "--iterations", "2", "--depth", "3", "--width", "4",
                "--steps", "2", "--validate-every", "2", "--checkpoint", cp.toString(), "--checkpoint-every", "2",
                "--out", dir.resolve("first.dsmodel").toString());
        assertEquals(0, r.exitCode, r.err + r.out);
        r = CliRun.of("train-mri", "--images", images.toString(), "--resume", cp.toString(), "--steps", "4",
                "--out", dir.resolve("continued.dsmodel").toString());
        assertEquals(0, r.exitCode, r.err + r.out);
        assertTrue(r.out.contains("Resuming at step 2 of 4"), r.out);
        try (MriReconstructionModel m = MriReconstructionModel.load(dir.resolve("continued.dsmodel"))) {
            assertEquals(4, m.description().getAsJsonObject("training").get("steps_done").getAsLong());
        }
    }
}
