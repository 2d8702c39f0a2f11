package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deepsplines.model.ActivationExport;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.model.ModelNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Show Learned Activations, Model Info, Export Model and Sparsify Model through the command service. */
class FijiModelCommandsTest {
    @RegisterExtension
    static final CommandRunner runner = new CommandRunner();
    private static File model;

    @BeforeAll
    static void start() {
        model = TestModels.tinyDenoiser().toFile();
    }

    @Test
    void modelInfoReportsLayersKnotsAndLipschitzFigures() throws Exception {
        String info = (String) runner.run(ModelInfoCommand.class, "model", model).getOutput("info");
        assertTrue(info.contains("task denoise"), info);
        assertTrue(info.contains("Noise: σ 25"), info);
        for (int layer = 1; layer <= 3; layer++) {
            assertTrue(info.contains("Layer " + layer + ": 8 activations"), info);
        }
        assertTrue(info.contains("active knots") && info.contains("max Lipschitz"), info);
        assertTrue(info.contains("Lipschitz bound of the network"), info);
        // The knots counted agree with the layer statistics of the library.
        try (ModelNetwork net = ModelNetwork.load(model.toPath())) {
            List<LayerStatistics> stats = LayerStatistics.of(net.activations(), 1e-3);
            assertTrue(info.contains("active knots " + LayerStatistics.totalActive(stats) + " / 312"), info);
        }
    }

    @Test
    void theCommandLinePrintsTheSameModelInfo() {
        String fiji = (String) runner.run(ModelInfoCommand.class, "model", model).getOutput("info");
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
            code = org.deepsplines.cli.Main.run("model-info", "--model", model.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        assertEquals(fiji, buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void showActivationsGivesAFigureAndSavesItWhereAsked(@TempDir Path dir) {
        Path png = dir.resolve("figure.png");
        CommandModule m = runner.run(ShowActivationsCommand.class, "model", model, "output", png.toFile(),
                "columns", 4);
        ImagePlus fig = (ImagePlus) m.getOutput("figure");
        assertEquals(ImagePlus.COLOR_RGB, fig.getType());
        // 3 layers of 8 activations in rows of 4: taller than wide.
        assertTrue(fig.getHeight() > fig.getWidth(), fig.toString());
        ImagePlus saved = IJ.openImage(png.toString());
        assertEquals(fig.getWidth(), saved.getWidth());

        Path tif = dir.resolve("figure.tif");
        runner.run(ShowActivationsCommand.class, "model", model, "output", tif.toFile());
        assertTrue(Files.isRegularFile(tif));
        String bad = runner.runExpectingCancel(ShowActivationsCommand.class, "model", model, "output",
                dir.resolve("figure.jpg").toFile());
        assertTrue(bad.contains(".png or .tif"), bad);
    }

    @Test
    void exportWritesNpzSafetensorsAndActivationCsv(@TempDir Path dir) throws Exception {
        Path npz = dir.resolve("m.npz");
        runner.run(ExportModelCommand.class, "model", model, "format", "npz", "output", npz.toFile());
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(npz); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.contains("config.json"), entries.toString());
        assertTrue(entries.stream().anyMatch(n -> n.endsWith(".npy")), entries.toString());

        Path st = dir.resolve("m.safetensors");
        runner.run(ExportModelCommand.class, "model", model, "format", "safetensors", "output", st.toFile());
        byte[] bytes = Files.readAllBytes(st);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) headerLength, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("__metadata__") && header.contains("\"F32\""), header);

        // Default file name: next to the model.
        Path modelCopy = dir.resolve("copy.dsmodel");
        Files.copy(model.toPath(), modelCopy);
        CommandModule csv = runner.run(ExportModelCommand.class, "model", modelCopy.toFile(), "format", "activations csv");
        Path table = dir.resolve("copy_activations.csv");
        assertEquals(table.toFile(), csv.getOutput("exported"));
        List<String> lines = Files.readAllLines(table);
        assertEquals(ActivationExport.HEADER, lines.get(0));
        assertEquals(1 + 3 * 8 * 15, lines.size(), "one row per knot: 3 layers x 8 activations x 15 knots");
        assertTrue(lines.get(1).startsWith("1,1,"), lines.get(1));

        String exists = runner.runExpectingCancel(ExportModelCommand.class, "model", modelCopy.toFile(), "format",
                "activations csv");
        assertTrue(exists.contains("exists"), exists);
    }

    @Test
    void sparsifyAtAThresholdKeepsFewerKnotsAndRecordsIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sparse.dsmodel");
        CommandModule m = runner.run(SparsifyModelCommand.class, "model", model, "output", out.toFile(), "threshold",
                0.05, "showActivations", true);
        String report = (String) m.getOutput("report");
        assertTrue(report.startsWith("Sparsified at threshold 0.05"), report);
        assertTrue(Files.isRegularFile(dir.resolve("sparse_activations.png")));
        int before;
        try (ModelNetwork original = ModelNetwork.load(model.toPath())) {
            before = LayerStatistics.totalActive(LayerStatistics.of(original.activations(), 0.05));
        }
        try (ModelNetwork sparse = ModelNetwork.load(out)) {
            // Only the knots above the threshold remain (1e-4: above the float rounding of the rebuilt splines).
            List<LayerStatistics> stats = LayerStatistics.of(sparse.activations(), 1e-4);
            assertEquals(before, LayerStatistics.totalActive(stats));
            assertTrue(report.contains("→ " + before + " of 312"), report);
            assertTrue(sparse.file().config().getAsJsonObject("sparsity").has("active_knots_per_layer"));
        }
        String info = (String) runner.run(ModelInfoCommand.class, "model", out.toFile()).getOutput("info");
        assertTrue(info.contains("Sparsified at slope-change threshold 0.05"), info);
    }

    @Test
    void sparsifyByPsnrStaysWithinTheTolerance(@TempDir Path dir) throws Exception {
        Path images = TestModels.cropFolder(dir.resolve("test"), 96, "camera.png", "coins.png");
        Path out = dir.resolve("sparse-psnr.dsmodel");
        CommandModule m = runner.run(SparsifyModelCommand.class, "model", model, "output", out.toFile(), "images",
                images.toFile(), "tolerance", 0.2, "sigma", 25.0, "device", "cpu", "showActivations", false);
        String report = (String) m.getOutput("report");
        // "... validation 22.10 → 22.01 dB": the drop is within the tolerance.
        String[] dbs = report.substring(report.indexOf("validation") + 11).replace(" dB", "").split(" → ");
        double drop = Double.parseDouble(dbs[0]) - Double.parseDouble(dbs[1].trim());
        assertTrue(drop <= 0.2 + 1e-9, report);
        assertTrue(Files.isRegularFile(out));
    }
}
