package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deepsplines.cli.Main;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.ImageFiles;
import org.deepsplines.denoise.DenoiseOptions;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.train.metrics.Psnr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * The denoising, training and MRI commands run as Fiji runs them (SciJava context, command service,
 * pre/post-processing) on sample images, headless; results equal the library's and the command line's.
 */
class FijiCommandsTest {
    @RegisterExtension
    static final CommandRunner runner = new CommandRunner();


    /** A clean 8-bit crop with seeded Gaussian noise of σ 25, rounded back to 8 bits. */
    static ImagePlus noisy(ImagePlus clean, long seed) {
        byte[] src = (byte[]) clean.getProcessor().getPixels();
        byte[] dst = new byte[src.length];
        Random rnd = new Random(seed);
        for (int i = 0; i < src.length; i++) {
            double v = (src[i] & 0xff) + TestModels.SIGMA * rnd.nextGaussian();
            dst[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        return new ImagePlus("noisy " + clean.getTitle(), new ByteProcessor(clean.getWidth(), clean.getHeight(), dst));
    }

    static float[] floats(ImagePlus imp) {
        return (float[]) imp.getProcessor().convertToFloat().getPixels();
    }

    @Test
    void denoiseImageGivesTheLibraryResultAndWritesTheFigureNextToTheOutput(@TempDir Path dir) throws Exception {
        ImagePlus clean = TestModels.crop("camera.png", 96);
        ImagePlus noisy = noisy(clean, 7);
        Path model = TestModels.tinyDenoiser();
        Path out = dir.resolve("denoised.tif");
        CommandModule m = runner.run(DenoiseImageCommand.class, "image", noisy, "model", model.toFile(),
                "output", out.toFile(), "device", "cpu");
        ImagePlus result = (ImagePlus) m.getOutput("result");
        assertEquals("noisy camera-denoised", result.getTitle());
        assertEquals(32, result.getBitDepth());
        assertEquals(96, result.getWidth());

        // One code path: exactly what the library gives.
        try (DenoiserModel lib = DenoiserModel.load(model)) {
            GrayImage expected = lib.denoise(ImageFiles.fromImagePlus(noisy).image(), DenoiseOptions.defaults());
            assertArrayEquals(expected.pixels(), floats(result), 0f);
        }
        double before = Psnr.compute(floats(clean), floats(noisy), 255);
        double after = Psnr.compute(floats(clean), floats(result), 255);
        assertTrue(after > before + 1.0, "denoising should raise PSNR: " + before + " -> " + after);

        assertTrue(Files.isRegularFile(out));
        Path figure = dir.resolve("denoised_activations.png");
        ImagePlus fig = IJ.openImage(figure.toString());
        assertNotNull(fig, "headless runs write the activation figure next to the output");
        assertTrue(fig.getWidth() > 400 && fig.getHeight() > 100, fig.toString());
        assertTrue(runner.logged("DeepSplines: PyTorch"), "the device line is logged");
    }

    @Test
    void denoiseImageDefaultsToTheBundledModel() {
        ImagePlus img = TestModels.crop("coins.png", 48);
        if (DenoiserModel.class.getResource(DenoiserModel.BUNDLED_RESOURCE) == null) {
            String reason = runner.runExpectingCancel(DenoiseImageCommand.class, "image", img, "device", "cpu",
                    "showActivations", false);
            assertTrue(reason.contains("bundled denoiser is missing"), reason);
        } else {
            CommandModule m = runner.run(DenoiseImageCommand.class, "image", img, "device", "cpu",
                    "showActivations", false);
            assertNotNull(m.getOutput("result"));
        }
    }

    @Test
    void denoiseFolderWritesWhatTheCommandLineWrites(@TempDir Path dir) throws Exception {
        Path in = TestModels.cropFolder(dir.resolve("in"), 64, "camera.png", "coins.png");
        Path model = TestModels.tinyDenoiser();
        Path fijiOut = dir.resolve("fiji");
        CommandModule m = runner.run(DenoiseFolderCommand.class, "input", in.toFile(), "output", fijiOut.toFile(),
                "model", model.toFile(), "device", "cpu");
        assertEquals(2, m.getOutput("count"));
        assertTrue(Files.isRegularFile(fijiOut.resolve("activations.png")));

        Path cliOut = dir.resolve("cli");
        assertEquals(0, Main.run("denoise", "--input", in.toString(), "--output", cliOut.toString(), "--model",
                model.toString(), "--device", "cpu"));
        for (String name : List.of("camera_denoised.tif", "coins_denoised.tif")) {
            ImagePlus a = IJ.openImage(fijiOut.resolve(name).toString());
            ImagePlus b = IJ.openImage(cliOut.resolve(name).toString());
            assertArrayEquals(floats(b), floats(a), 0f, name);
        }
    }

    @Test
    void denoiseFolderRefusesToOverwriteAndSaysHow(@TempDir Path dir) throws Exception {
        Path in = TestModels.cropFolder(dir.resolve("in"), 48, "text.png");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("text_denoised.tif"), "keep me");
        String reason = runner.runExpectingCancel(DenoiseFolderCommand.class, "input", in.toFile(), "output",
                out.toFile(), "model", TestModels.tinyDenoiser().toFile(), "device", "cpu");
        assertTrue(reason.contains("exists already") && reason.contains("overwrit"), reason);
        assertEquals("keep me", Files.readString(out.resolve("text_denoised.tif")));

        String notFolder = runner.runExpectingCancel(DenoiseFolderCommand.class, "input",
                dir.resolve("missing").toFile(), "model", TestModels.tinyDenoiser().toFile());
        assertTrue(notFolder.contains("is not a folder"), notFolder);
    }

    @Test
    void trainDenoiserHeadlessWritesTheModelAndItsFigure(@TempDir Path dir) throws Exception {
        Path images = TestModels.cropFolder(dir.resolve("clean"), 64, "camera.png", "coins.png", "brick.png");
        Path out = dir.resolve("tiny-trained.dsmodel");
        CommandModule m = runner.run(TrainDenoiserCommand.class, "images", images.toFile(), "output", out.toFile(),
                "sigmaMin", 25.0, "sigmaMax", 25.0, "patch", 24, "validation", 0.34, "depth", 3, "width", 4,
                "splineSize", 11, "steps", 6L, "batch", 2, "validateEvery", 3, "device", "cpu", "threads", 2);
        assertEquals(out.toFile(), m.getOutput("model"));
        assertTrue(Files.isRegularFile(out));
        assertTrue(Files.isRegularFile(dir.resolve("tiny-trained_activations.png")));
        assertTrue(runner.logged("Model written to"), runner.messages().toString());
        assertTrue(runner.logged("step 6/6"), "validation progress is logged");
        try (DenoiserModel trained = DenoiserModel.load(out)) {
            assertEquals(25.0, trained.noise().sigmaMin());
            assertEquals(3, trained.architecture().depth());
        }
    }

    @Test
    void trainDenoiserDefaultsTheModelFileNextToTheImages(@TempDir Path dir) {
        assertEquals(dir.resolve("clean_denoiser.dsmodel"), TrainDenoiserCommand.defaultOutput(dir.resolve("clean")));
        assertEquals(dir.resolve("in_denoised"), DenoiseFolderCommand.defaultOutput(dir.resolve("in")));
        assertEquals("camera-denoised", DenoiseImageCommand.resultTitle("camera.png"));
    }

    @Test
    void askingForAGpuThatIsNotThereIsALoudWarningNotAFailure() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        ImagePlus img = TestModels.crop("text.png", 40);
        CommandModule m = runner.run(DenoiseImageCommand.class, "image", img, "model",
                TestModels.tinyDenoiser().toFile(), "device", "gpu", "showActivations", false);
        assertNotNull(m.getOutput("result"));
        assertTrue(runner.logged("WARNING: GPU requested but running on the CPU"), runner.messages().toString());
    }

    @Test
    void simulateMriGivesTheImagesTheCommandLineWrites(@TempDir Path dir) throws Exception {
        Path input = MriTestData.file("slices/colin27_t1_axial_z080.png");
        ImagePlus image = IJ.openImage(input.toString());
        Path fijiOut = dir.resolve("fiji");
        CommandModule m = runner.run(SimulateMriAcquisitionCommand.class, "image", image, "mask", "cartesian",
                "acceleration", 4.0, "seed", 3L, "noise", "sigma", "noiseLevel", 0.5, "outputFolder", fijiOut.toFile());
        ImagePlus mask = (ImagePlus) m.getOutput("maskImage");
        ImagePlus kspace = (ImagePlus) m.getOutput("kspace");
        ImagePlus zf = (ImagePlus) m.getOutput("zeroFilled");
        assertNull(m.getOutput("tvImage"));
        assertEquals(8, mask.getBitDepth());
        assertEquals(181, mask.getWidth());
        assertEquals("colin27_t1_axial_z080 mask", mask.getTitle());
        assertTrue(String.valueOf(mask.getProperty("Info")).contains("R = 4.0222"), (String) mask.getProperty("Info"));
        assertEquals(2, kspace.getStackSize());
        assertEquals(32, zf.getBitDepth());
        assertTrue(runner.logged("acceleration: 4.0222 exact"), runner.messages().toString());

        Path cliOut = dir.resolve("cli");
        assertEquals(0, Main.run("simulate-mri", input.toString(), "--out", cliOut.toString(), "--accel", "4",
                "--seed", "3", "--noise-sigma", "0.5"));
        assertArrayEquals(Files.readAllBytes(cliOut.resolve("mask.tif")), Files.readAllBytes(fijiOut.resolve("mask.tif")));
        assertArrayEquals(floats(IJ.openImage(cliOut.resolve("zero_filled.tif").toString())), floats(zf), 0f);
        ImagePlus cliK = IJ.openImage(cliOut.resolve("kspace_re_im.tif").toString());
        for (int s = 1; s <= 2; s++) {
            assertArrayEquals((float[]) cliK.getStack().getPixels(s), (float[]) kspace.getStack().getPixels(s), 0f);
        }
    }

    @Test
    void simulateMriWithTvAndSnrOnAComplexImage() throws Exception {
        ImagePlus complex = IJ.openImage(MriTestData.file("complex/brain_slice_complex_re_im_float32.tif").toString());
        CommandModule m = runner.run(SimulateMriAcquisitionCommand.class, "image", complex, "mask", "radial",
                "acceleration", 6.0, "noise", "snr", "noiseLevel", 30.0, "tv", true);
        ImagePlus tv = (ImagePlus) m.getOutput("tvImage");
        assertNotNull(tv);
        assertTrue(runner.logged("TV-CS PSNR"), runner.messages().toString());
        assertTrue(runner.logged("complex"), runner.messages().toString());

        String reason = runner.runExpectingCancel(SimulateMriAcquisitionCommand.class, "image", complex,
                "acceleration", 1.0);
        assertTrue(reason.contains("greater than 1"), reason);
    }

    @Test
    void theCommandsAreInTheDeepSplinesMenu() {
        List<String> labels = runner.commands.getCommands().stream()
                .filter(i -> i.getMenuPath() != null && i.getMenuPath().getMenuString().startsWith("Plugins > DeepSplines"))
                .map(i -> i.getMenuPath().getLeaf().getName()).sorted().toList();
        assertEquals(List.of("Denoise Folder", "Denoise Image", "Export Model", "Model Info", "Reconstruct MRI",
                "Show Learned Activations", "Simulate MRI Acquisition", "Sparsify Model", "Train Denoiser",
                "Train MRI Reconstruction"), labels);
    }
}
