package org.deepsplines.model;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    static final DnCnnConfig CFG = DnCnnConfig.builder().depth(3).width(4).build();

    static ModelFile model(NDManager m, long seed) {
        Block b = DnCnn.build(CFG);
        NetworkInitializer.initialize(b, m, DnCnn.initShape(CFG, 8), seed);
        JsonObject d = new JsonObject();
        d.add("architecture", CFG.toJson());
        TrainingLog log = new TrainingLog();
        log.add(new TrainingLog.Entry(1, 0.5, 20.0, 1e-3, 1.0));
        return ModelFile.of("denoise", d, b, log);
    }

    static float[] firstWeights(Block b) {
        for (Pair<String, Parameter> p : b.getParameters()) {
            return p.getValue().getArray().toFloatArray();
        }
        return null;
    }

    @Test
    void roundTripRestoresWeightsConfigAndLog(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block original = DnCnn.build(CFG);
            NetworkInitializer.initialize(original, m, DnCnn.initShape(CFG, 8), 5);
            JsonObject d = new JsonObject();
            d.add("architecture", CFG.toJson());
            Path f = dir.resolve("m.dsmodel");
            ModelFile.of("denoise", d, original, new TrainingLog()).save(f, false);

            ModelFile back = ModelFile.read(f);
            assertEquals("denoise", back.task());
            DnCnnConfig cfg = DnCnnConfig.fromJson(back.config().getAsJsonObject("architecture"));
            assertEquals(CFG.toJson(), cfg.toJson());
            Block restored = DnCnn.build(cfg);
            NetworkInitializer.initialize(restored, m, DnCnn.initShape(cfg, 8), 99);
            back.loadInto(restored, m);
            assertArrayEquals(firstWeights(original), firstWeights(restored), 0f);
        }
    }

    @Test
    void refusesSilentOverwrite(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path f = dir.resolve("m.dsmodel");
            Files.writeString(f, "precious");
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> model(m, 1).save(f, false));
            assertEquals("precious", Files.readString(f));
            model(m, 1).save(f, true);
            assertEquals("denoise", ModelFile.read(f).task());
        }
    }

    @Test
    void truncatedFileIsReportedAsDamaged(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path f = dir.resolve("m.dsmodel");
            model(m, 1).save(f, false);
            byte[] all = Files.readAllBytes(f);
            Path cut = dir.resolve("cut.dsmodel");
            Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(cut));
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        }
    }

    @Test
    void flippedWeightByteFailsIntegrityCheck(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFile mf = model(m, 1);
            Path f = dir.resolve("m.dsmodel");
            mf.save(f, false);
            // Rewrite the archive with one weight byte changed.
            ModelFile good = ModelFile.read(f);
            byte[] cfg = new com.google.gson.Gson().toJson(good.config()).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream w = new ByteArrayOutputStream();
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
                z.getInputStream(z.getEntry(ModelFile.WEIGHTS_ENTRY)).transferTo(w);
            }
            byte[] weights = w.toByteArray();
            weights[weights.length - 3] ^= 0x40;
            Path bad = dir.resolve("bad.dsmodel");
            writeZip(bad, cfg, weights);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(bad));
            assertTrue(e.getMessage().contains("integrity"), e.getMessage());
        }
    }

    @Test
    void newerFormatVersionAsksToUpdate(@TempDir Path dir) throws Exception {
        JsonObject cfg = new JsonObject();
        cfg.addProperty("format", ModelFile.FORMAT);
        cfg.addProperty("format_version", ModelFile.VERSION + 1);
        Path f = dir.resolve("future.dsmodel");
        writeZip(f, cfg.toString().getBytes(StandardCharsets.UTF_8), new byte[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains("Update"), e.getMessage());
    }

    @Test
    void notAModelAtAll(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.dsmodel");
        Files.writeString(f, "hello");
        assertThrows(IllegalArgumentException.class, () -> ModelFile.read(f));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ModelFile.read(dir.resolve("missing")));
    }

    @Test
    void pythonNamesFollowSequentialIndexing() {
        assertEquals("body.2.weight", ParameterNames.pythonName("01body_03Conv2d_weight"));
        assertEquals("body.1.spline_coefficients", ParameterNames.pythonName("01body_02BSplineActivation_spline_coefficients"));
    }

    @Test
    void npyHeaderIsAlignedAndDescribesShape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelExport.writeNpy(out, new ModelExport.Tensor("w", new long[] {2, 3}, new float[6]));
        byte[] b = out.toByteArray();
        int headerLen = (b[8] & 0xff) | ((b[9] & 0xff) << 8);
        assertEquals(0, (10 + headerLen) % 64);
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (2, 3,)"), header);
        assertEquals(10 + headerLen + 24, b.length);
    }

    static void writeZip(Path f, byte[] cfg, byte[] weights) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry(ModelFile.CONFIG_ENTRY));
            z.write(cfg);
            z.closeEntry();
            z.putNextEntry(new ZipEntry(ModelFile.WEIGHTS_ENTRY));
            z.write(weights);
            z.closeEntry();
        }
    }
}
