package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

    @TempDir
    Path temp;

    private static Path vectors() {
        String shared = System.getProperty("deepsplines.shared");
        Path dir = (shared != null ? Paths.get(shared) : Paths.get("..", "shared"))
                .resolve("reference").resolve("deepspline-vectors");
        Assumptions.assumeTrue(Files.isDirectory(dir), "Reference vectors not found (set -Ddeepsplines.shared or "
                + "place the shared folder at ../shared); skipping");
        return dir;
    }

    @Test
    void allReferenceVectorsPass() throws IOException {
        Path dir = vectors();
        long files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).count();
        }
        CliRun run = CliRun.of("conformance", dir.toString());
        assertEquals(0, run.exitCode, run.out + run.err);
        String[] lines = run.out.strip().split("\n");
        assertEquals(files + 1, lines.length, run.out);
        for (int i = 0; i < files; i++) {
            assertTrue(lines[i].contains(" ok "), lines[i]);
        }
        JsonObject summary = JsonParser.parseString(run.lastLine()).getAsJsonObject();
        assertEquals(files, summary.get("files").getAsLong());
        assertEquals(0, summary.get("failed").getAsInt());
        assertTrue(summary.get("max_rel_err_float64").getAsDouble() <= 1e-9);
        assertTrue(summary.get("max_rel_err_float32").getAsDouble() <= 1e-5);
        assertTrue(run.lastLine().startsWith("{\"files\":" + files + ",\"failed\":0,\"max_rel_err_float64\":"),
                run.lastLine());
    }

    @Test
    void aWrongValueFailsTheFileAndTheExitCode() throws IOException {
        Path source = vectors().resolve("bspline_conv_s5_g0.1_random.json");
        JsonObject root = JsonParser.parseString(Files.readString(source)).getAsJsonObject();
        JsonArray output = root.getAsJsonObject("results").getAsJsonObject("float64").getAsJsonArray("output");
        output.set(7, new com.google.gson.JsonPrimitive(output.get(7).getAsDouble() + 1e-6));
        Files.writeString(temp.resolve("tampered.json"), root.toString());
        Files.copy(vectors().resolve("bspline_conv_s5_g0.1_relu.json"), temp.resolve("good.json"));
        CliRun run = CliRun.of("conformance", temp.toString());
        assertEquals(1, run.exitCode, run.out + run.err);
        assertTrue(run.out.contains("good.json") && run.out.contains("tampered.json"), run.out);
        assertTrue(run.out.lines().anyMatch(l -> l.startsWith("tampered.json") && l.contains("FAILED")
                && l.contains("output[7]")), run.out);
        JsonObject summary = JsonParser.parseString(run.lastLine()).getAsJsonObject();
        assertEquals(2, summary.get("files").getAsInt());
        assertEquals(1, summary.get("failed").getAsInt());
    }

    @Test
    void unreadableFileIsReportedAsFailed() throws IOException {
        Files.writeString(temp.resolve("broken.json"), "{\"config\": {\"kind\": \"bspline\"}");
        CliRun run = CliRun.of("conformance", temp.toString());
        assertEquals(1, run.exitCode, run.out + run.err);
        assertTrue(run.out.contains("broken.json") && run.out.contains("FAILED"), run.out);
    }

    @Test
    void missingDirectoryIsAClearError() {
        CliRun run = CliRun.of("conformance", temp.resolve("nope").toString());
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("does not exist") && run.err.contains("*.json"), run.err);
    }

    @Test
    void emptyDirectoryIsAClearError() {
        CliRun run = CliRun.of("conformance", temp.toString());
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("No *.json vector files"), run.err);
    }
}
