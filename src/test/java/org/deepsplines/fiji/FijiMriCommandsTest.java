package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.ZeroFilledReconstruction;
import org.deepsplines.mri.io.MriImageFiles;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriSampling;
import org.deepsplines.train.metrics.Psnr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** The MRI commands in a SciJava context: simulate → reconstruct, training, and the model tools on MRI models. */
class FijiMriCommandsTest {
    @RegisterExtension
    static final CommandRunner runner = new CommandRunner();


    @Test
    void reconstructMriWithTheBundledModelGivesTheLibraryResultAndBeatsZeroFilling() throws Exception {
        ImagePlus slice = IJ.openImage(MriTestData.file("slices/colin27_t1_axial_z080.png").toString());
        CommandModule sim = runner.run(SimulateMriAcquisitionCommand.class, "image", slice, "mask", "cartesian",
                "acceleration", 4.0, "seed", 1L);
        ImagePlus kspace = (ImagePlus) sim.getOutput("kspace");
        ImagePlus mask = (ImagePlus) sim.getOutput("maskImage");

        CommandModule m = runner.run(ReconstructMriCommand.class, "kspace", kspace, "mask", mask, "device", "cpu",
                "tv", true, "showActivations", false);
        ImagePlus rec = (ImagePlus) m.getOutput("result");
        assertEquals("colin27_t1_axial_z080 reconstruction", rec.getTitle());
        assertNotNull(m.getOutput("tvImage"));
        assertTrue(runner.logged("trained for cartesian-4x"), runner.messages().toString());

        ComplexImage y = MriImageFiles.complexFromImagePlus(kspace, "k");
        SamplingMask s = MriImageFiles.maskFromImagePlus(mask, "m");
        float[] expected;
        try (MriReconstructionModel lib = MriReconstructionModel.bundled(MaskType.CARTESIAN, 4)) {
            expected = lib.reconstruct(y, s).magnitudeFloat();
        }
        float[] got = (float[]) rec.getProcessor().getPixels();
        assertArrayEquals(expected, got, 1e-5f * max(expected));

        ComplexImage truth = MriImageFiles.fromImagePlus(slice, "truth");
        float peak = (float) truth.maxAbs();
        float[] ref = scaled(truth.magnitudeFloat(), peak);
        double zf = Psnr.compute(ref, scaled(ZeroFilledReconstruction.complex(y, s).magnitudeFloat(), peak), 1);
        double learned = Psnr.compute(ref, scaled(got, peak), 1);
        assertTrue(learned > zf + 3, "learned " + learned + " dB vs zero-filled " + zf + " dB");
    }

    @Test
    void reconstructMriExplainsWrongInputs() throws Exception {
        ImagePlus slice = IJ.openImage(MriTestData.file("slices/colin27_t1_axial_z080.png").toString());
        CommandModule sim = runner.run(SimulateMriAcquisitionCommand.class, "image", slice);
        ImagePlus kspace = (ImagePlus) sim.getOutput("kspace");
        ImagePlus mask = (ImagePlus) sim.getOutput("maskImage");

        String magnitude = runner.runExpectingCancel(ReconstructMriCommand.class, "kspace", slice, "mask", mask,
                "showActivations", false);
        assertTrue(magnitude.contains("expected two 32-bit slices (real, imaginary)"), magnitude);

        String sameImage = runner.runExpectingCancel(ReconstructMriCommand.class, "kspace", kspace, "mask", kspace,
                "showActivations", false);
        assertTrue(sameImage.contains("choose the mask image"), sameImage);

        ImageProcessor small = mask.getProcessor().duplicate();
        small.setRoi(0, 0, 64, 64);
        String size = runner.runExpectingCancel(ReconstructMriCommand.class, "kspace", kspace, "mask",
                new ImagePlus("small mask", small.crop()), "showActivations", false);
        assertTrue(size.contains("differ in size"), size);

        String denoiser = runner.runExpectingCancel(ReconstructMriCommand.class, "kspace", kspace, "mask", mask,
                "model", TestModels.tinyDenoiser().toFile(), "showActivations", false);
        assertTrue(denoiser.contains("not an MRI reconstruction model"), denoiser);
    }

    @Test
    void trainMriReconstructionHeadlessWritesAModelTheOtherCommandsOpen(@TempDir Path dir) throws Exception {
        Path slices = Files.createDirectories(dir.resolve("slices"));
        for (String n : new String[] {"colin27_t1_axial_z060", "colin27_t1_axial_z100", "brainweb_t1_slice_itk"}) {
            ImagePlus imp = IJ.openImage(MriTestData.file("slices/" + n + ".png").toString());
            ImageProcessor ip = imp.getProcessor();
            ip.setRoi(imp.getWidth() / 2 - 32, imp.getHeight() / 2 - 32, 64, 64);
            assertTrue(new FileSaver(new ImagePlus(n, ip.crop())).saveAsPng(slices.resolve(n + ".png").toString()));
        }
        Path out = dir.resolve("tiny-mri.dsmodel");
        CommandModule m = runner.run(TrainMriReconstructionCommand.class, "slicesFolder", slices.toFile(),
                "volume", null, "validation", 0.34, "acceleration", 4.0, "iterations", 2, "depth", 3, "width", 4,
                "splineSize", 11, "steps", 4L, "batch", 1, "validateEvery", 2, "device", "cpu", "threads", 2,
                "output", out.toFile());
        assertEquals(out.toFile(), m.getOutput("model"));
        assertTrue(Files.isRegularFile(dir.resolve("tiny-mri_activations.png")));
        assertTrue(runner.logged("step 4/4"), runner.messages().toString());
        try (MriReconstructionModel trained = MriReconstructionModel.load(out)) {
            assertEquals(3, trained.network().cnn().depth());
            assertEquals(2, trained.network().iterations());
        }

        CommandModule info = runner.run(ModelInfoCommand.class, "model", out.toFile());
        String text = (String) info.getOutput("info");
        assertTrue(text.contains("mri-reconstruction"), text);
        CommandModule fig = runner.run(ShowActivationsCommand.class, "model", out.toFile(), "output",
                dir.resolve("fig.png").toFile());
        assertNotNull(fig.getOutput("figure"));
        Path sparse = dir.resolve("tiny-mri_sparse.dsmodel");
        CommandModule sp = runner.run(SparsifyModelCommand.class, "model", out.toFile(), "output", sparse.toFile(),
                "threshold", 0.05, "images", null, "showActivations", false);
        assertTrue(((String) sp.getOutput("report")).startsWith("Sparsified"), (String) sp.getOutput("report"));
        try (MriReconstructionModel reloaded = MriReconstructionModel.load(sparse)) {
            assertTrue(reloaded.description().has("sparsity"), "the sparse model is still an MRI model");
        }

        String exists = runner.runExpectingCancel(TrainMriReconstructionCommand.class, "slicesFolder",
                slices.toFile(), "volume", null, "output", out.toFile(), "steps", 1L);
        assertTrue(exists.contains("exists"), exists);
        String neither = runner.runExpectingCancel(TrainMriReconstructionCommand.class, "slicesFolder", null,
                "volume", null, "output", null, "steps", 1L);
        assertTrue(neither.contains("either a folder of fully sampled slices or a volume"), neither);
    }

    @Test
    void theBundledMriModelOpensInTheModelTools(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mri-cartesian-4x.dsmodel");
        try (InputStream in = getClass().getResourceAsStream(MriReconstructionModel.bundledResource("cartesian-4x"))) {
            Files.copy(in, file);
        }
        CommandModule info = runner.run(ModelInfoCommand.class, "model", file.toFile());
        String text = (String) info.getOutput("info");
        assertTrue(text.contains("mri-reconstruction"), text);
        assertTrue(text.contains("Network: unrolled, 5 iterations"), text);
        assertTrue(text.contains("trained for cartesian mask, R = 4.0"), text);
        CommandModule export = runner.run(ExportModelCommand.class, "model", file.toFile(), "output",
                dir.resolve("weights.npz").toFile());
        assertTrue(Files.size(dir.resolve("weights.npz")) > 10_000, export.toString());
    }

    @Test
    void defaultModelFileNamesTheDataAndTheSetting(@TempDir Path dir) {
        MriSampling s = MriSampling.of(MaskType.RADIAL, 8);
        assertEquals(dir.resolve("colin27_mri-radial-8x.dsmodel"),
                TrainMriReconstructionCommand.defaultOutput(dir.resolve("colin27.nii.gz"), s));
        assertEquals(dir.resolve("slices_mri-radial-8x.dsmodel"),
                TrainMriReconstructionCommand.defaultOutput(dir.resolve("slices"), s));
        assertEquals("brain", ReconstructMriCommand.stem("brain k-space (re, im)"));
    }

    private static float max(float[] v) {
        float m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    private static float[] scaled(float[] v, float peak) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / peak;
        }
        return out;
    }
}
