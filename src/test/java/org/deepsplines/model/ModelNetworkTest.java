package org.deepsplines.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineNetworks;
import org.deepsplines.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelNetworkTest {
    static final DnCnnConfig SPLINE_NET = DnCnnConfig.builder().depth(3).width(2).activation(ActivationSpec.spline(
            SplineConfig.builder().size(7).range(1.5).numActivations(1).build())).build();

    static ModelFile file(String task, String key, NDManager m) {
        Block b = DnCnn.build(SPLINE_NET);
        NetworkInitializer.initialize(b, m, DnCnn.initShape(SPLINE_NET, 8), 4);
        JsonObject d = new JsonObject();
        d.add(key, SPLINE_NET.toJson());
        return ModelFile.of(task, d, b, new TrainingLog());
    }

    @Test
    void anyTaskWithADnCnnArchitectureLoadsWithItsActivations(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path f = dir.resolve("m.dsmodel");
            file("some-task", "architecture", m).save(f, false);
            try (ModelNetwork net = ModelNetwork.load(f)) {
                assertEquals("some-task", net.task());
                assertEquals(2, net.activations().size(), "depth 3: two spline layers");
                String text = ModelSummary.of(net, 1e-3).text();
                assertTrue(text.contains("Layer 2: 2 activations"), text);
                assertTrue(text.contains("active knots") && text.contains("/ 10"), "2 activations × (7 − 2) knots: " + text);
            }
        }
    }

    @Test
    void anUnknownNetworkDescriptionIsRefusedWithAMessage() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFile f = file("segmentation", "network", m);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelNetwork.of(f, "x.dsmodel", null));
            assertTrue(e.getMessage().contains("cannot build") && e.getMessage().contains("segmentation"),
                    e.getMessage());
        }
    }

    @Test
    void activationTablesAndTheCombinedCsvAgree(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = DnCnn.build(SPLINE_NET);
            NetworkInitializer.initialize(b, m, DnCnn.initShape(SPLINE_NET, 8), 4);
            var layers = SplineNetworks.find(b);
            assertEquals(4, ActivationExport.writeTables(layers, dir.resolve("tables"), false));
            List<String> one = Files.readAllLines(dir.resolve("tables").resolve("layer02_act001.csv"));
            Path csv = dir.resolve("all.csv");
            ActivationExport.writeCsv(layers, csv, false);
            List<String> all = Files.readAllLines(csv);
            assertEquals(1 + 4 * 7, all.size());
            List<String> rows = all.stream().filter(r -> r.startsWith("2,2,")).map(r -> r.substring(4)).toList();
            assertEquals(one.subList(1, one.size()), rows, "layer 2, activation 2 (1-based) is table layer02_act001");
            assertThrows(IllegalArgumentException.class, () -> ActivationExport.writeTables(layers,
                    dir.resolve("tables"), false));
            ModelSparsifier.Outcome o = ModelSparsifier.apply(layers, 1e9);
            assertArrayEquals(new int[] {0, 0}, o.after());
        }
    }
}
