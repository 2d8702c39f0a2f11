package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationTableTest {

    @TempDir
    Path dir;

    /** Knots −1, −0.5, 0, 0.5, 1 with values 1, 0, 2, 3, −1 plus the linear term 2x + 1. */
    private static ActivationTable table(NDManager manager) {
        BSplineActivation b = Fixtures.initialized(manager, new BSplineActivation(Fixtures.config(5, 0.5, 2)
                .explicitLinear(true).learnableBias(true).build()), DataType.FLOAT64, new Shape(1, 2));
        b.setCoefficients(new double[][] {{0, 0, 0, 0, 0}, {1, 0, 2, 3, -1}});
        b.setLinearTerm(new double[] {0, 2}, new double[] {0, 1});
        return b.knotTable(1);
    }

    @Test
    void tableHoldsKnotsValuesAndEndSlopes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ActivationTable t = table(manager);
            assertEquals(1, t.activation());
            assertEquals(5, t.size());
            assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, t.knots(), 0);
            assertArrayEquals(new double[] {0, 0, 3, 5, 2}, t.values(), 1e-12);
            assertEquals(0, t.leftSlope(), 1e-12);
            assertEquals(-6, t.rightSlope(), 1e-12);
            assertArrayEquals(new double[] {0, 6, -2, -10, 0}, t.slopeChanges(), 1e-12);
            assertEquals(-18 + 2, t.valueAt(4), 1e-12); // 2 + 3·(−6)
            assertEquals(4, t.valueAt(0.25), 1e-12);
        }
    }

    @Test
    void csvAndJsonAreWrittenAtomically() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ActivationTable t = table(manager);
            Path csv = dir.resolve("sub/act1.csv");
            Path json = dir.resolve("act1.json");
            t.writeCsv(csv);
            t.writeJson(json);
            t.writeJson(json); // replacing an existing file works too
            List<String> lines = Files.readAllLines(csv);
            assertEquals("x,y,slope_left,slope_right,slope_change", lines.get(0));
            assertEquals(6, lines.size());
            assertEquals("-1.0,0.0,0.0,0.0,0.0", lines.get(1));
            assertEquals("1.0,2.0,-6.0,-6.0,0.0", lines.get(5));
            JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            assertEquals(-6, o.get("right_slope").getAsDouble(), 1e-12);
            assertEquals(5, o.getAsJsonArray("values").size());
            assertEquals(0.5, o.get("grid").getAsDouble());
            try (Stream<Path> files = Files.walk(dir)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
            }
        }
    }

    @Test
    void tooFewKnotsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ActivationTable(0, 1, new double[] {1, 2}));
    }
}
