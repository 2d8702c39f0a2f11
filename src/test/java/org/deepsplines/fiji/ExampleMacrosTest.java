package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deepsplines.mri.MriTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example macro in {@code plugins/} runs through the command layer with its dialogs answered by
 * temporary folders and sample images (and training shrunk to a few steps), so that the macros keep
 * matching the commands' menu labels and input names.
 */
class ExampleMacrosTest {
    static final Path EXAMPLES = Paths.get("plugins", "examples");
    /** The macros this class runs; a new macro must be added here (and get a test). */
    static final Set<String> COVERED = Set.of("denoise-folder.ijm", "denoise-open-image.ijm", "train-denoiser.ijm",
            "simulate-mri.ijm", "reconstruct-mri.ijm", "train-mri-reconstruction.ijm");

    @RegisterExtension
    static final CommandRunner runner = new CommandRunner();


    static String dir(Path p) {
        return p.toAbsolutePath() + File.separator;
    }

    @Test
    void everyExampleMacroIsRunByThisTest() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            Set<String> macros = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ijm"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(COVERED), macros);
        }
    }

    @Test
    void denoiseFolder(@TempDir Path tmp) throws Exception {
        Path in = TestModels.cropFolder(tmp.resolve("in"), 64, "camera.png", "coins.png");
        Path out = tmp.resolve("out");
        MacroRunner macro = new MacroRunner(runner, Map.of("input", dir(in), "output", dir(out), "model",
                TestModels.tinyDenoiser().toString()));
        macro.runFile(EXAMPLES.resolve("denoise-folder.ijm"));
        assertEquals(List.of("Denoise Folder"), macro.executed());
        ImagePlus camera = IJ.openImage(out.resolve("camera_denoised.tif").toString());
        assertEquals(8, camera.getBitDepth(), "keeptype=true keeps 8 bits");
        assertTrue(Files.isRegularFile(out.resolve("coins_denoised.tif")));
        assertTrue(Files.isRegularFile(out.resolve("activations.png")));
    }

    @Test
    void denoiseOpenImage(@TempDir Path tmp) throws Exception {
        Path in = TestModels.cropFolder(tmp, 64, "astronaut_gray.png").resolve("astronaut_gray.png");
        MacroRunner macro = new MacroRunner(runner, Map.of("input", in.toString(), "model",
                TestModels.tinyDenoiser().toString()));
        macro.runFile(EXAMPLES.resolve("denoise-open-image.ijm"));
        ImagePlus saved = IJ.openImage(tmp.resolve("astronaut_gray-denoised.tif").toString());
        assertNotNull(saved, "the macro saves the result next to the input");
        assertEquals(32, saved.getBitDepth());
    }

    @Test
    void trainDenoiser(@TempDir Path tmp) throws Exception {
        Path images = TestModels.cropFolder(tmp.resolve("clean"), 64, "camera.png", "coins.png", "brick.png");
        Path model = tmp.resolve("denoiser.dsmodel");
        MacroRunner macro = new MacroRunner(runner, Map.of("images", dir(images), "model", model.toString(), "steps",
                "4", "depth", "3", "width", "4"));
        macro.runFile(EXAMPLES.resolve("train-denoiser.ijm"));
        assertEquals(List.of("Train Denoiser", "Model Info", "Export Model"), macro.executed());
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(tmp.resolve("denoiser_activations.png")));
        assertTrue(Files.readAllLines(tmp.resolve("denoiser_activations.csv")).size() > 1);
    }

    @Test
    void simulateMri(@TempDir Path tmp) throws Exception {
        Path slice = MriTestData.file("slices/mr_small_64x64_16bit.png");
        MacroRunner macro = new MacroRunner(runner, Map.of("input", slice.toString(), "output", dir(tmp)));
        macro.runFile(EXAMPLES.resolve("simulate-mri.ijm"));
        for (String f : List.of("kspace_re_im.tif", "mask.tif", "zero_filled.tif", "tv_cs.tif")) {
            assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
        }
        assertNotNull(macro.image("mr_small_64x64_16bit TV-CS"), "outputs open as images");
    }

    @Test
    void reconstructMri(@TempDir Path tmp) throws Exception {
        Path slice = tmp.resolve("colin27_t1_axial_z080.png");
        Files.copy(MriTestData.file("slices/colin27_t1_axial_z080.png"), slice);
        MacroRunner macro = new MacroRunner(runner, Map.of("input", slice.toString()));
        macro.runFile(EXAMPLES.resolve("reconstruct-mri.ijm"));
        assertEquals(List.of("Simulate MRI Acquisition", "Reconstruct MRI"), macro.executed());
        ImagePlus saved = IJ.openImage(tmp.resolve("colin27_t1_axial_z080_reconstruction.tif").toString());
        assertNotNull(saved, "the macro saves the reconstruction next to the slice");
        assertEquals(181, saved.getWidth());
        assertNotNull(macro.image("colin27_t1_axial_z080 TV-CS"), "the TV-CS comparison opens");
    }

    @Test
    void trainMriReconstruction(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("mri.dsmodel");
        MacroRunner macro = new MacroRunner(runner, Map.of("volume",
                MriTestData.file("volume/colin27_t1_1mm_ch2.nii.gz").toString(), "model", model.toString(), "steps",
                "2", "depth", "3", "width", "4"));
        macro.runFile(EXAMPLES.resolve("train-mri-reconstruction.ijm"));
        assertEquals(List.of("Train MRI Reconstruction", "Model Info"), macro.executed());
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(tmp.resolve("mri_activations.png")));
    }

    @Test
    void keysThatNoInputHasFail() {
        MacroRunner macro = new MacroRunner(runner, Map.of());
        AssertionError e = assertThrows(AssertionError.class, () -> macro.runFileText(
                "run(\"Model Info\", \"model=[x.dsmodel] treshold=0.1\");"));
        assertTrue(e.getMessage().contains("has no input 'treshold'"), e.getMessage());
        AssertionError bare = assertThrows(AssertionError.class, () -> macro.runFileText(
                "run(\"Export Model\", \"overwrite\");"));
        assertTrue(bare.getMessage().contains("bare key"), bare.getMessage());
        AssertionError label = assertThrows(AssertionError.class, () -> macro.runFileText(
                "run(\"Denoise\", \"\");"));
        assertTrue(label.getMessage().contains("no DeepSplines command with menu label 'Denoise'"), label.getMessage());
    }
}
