package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @Test
    void activationBenchmarkPrintsOneJsonLine() {
        CliRun run = CliRun.of("bench", "activation", "--runs", "1", "--warmup", "0", "--threads", "2");
        assertEquals(0, run.exitCode, run.out + run.err);
        assertEquals(1, run.out.strip().lines().count(), run.out);
        JsonObject o = JsonParser.parseString(run.lastLine()).getAsJsonObject();
        for (String key : new String[] {"act_relu_ms", "act_spline_ms", "act_spline_forward_ms"}) {
            assertTrue(o.get(key).getAsDouble() > 0, key);
        }
        assertEquals(2, o.get("threads").getAsInt());
        assertEquals(1, o.get("runs").getAsInt());
    }

    @Test
    void invalidCountsAreRejected() {
        CliRun run = CliRun.of("bench", "activation", "--runs", "0");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--runs must be at least 1"), run.err);
        run = CliRun.of("bench", "activation", "--threads", "0");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("at least 1"), run.err);
    }

    @Test
    void qualityBenchmarkTrainsBothTwinsAndReplacesItsTableSection(@TempDir Path dir) throws Exception {
        Path bsd = Files.createDirectories(dir.resolve("bench").resolve("BSD68"));
        Path natural = Paths.get("sample-images", "denoising", "natural");
        Files.copy(natural.resolve("coins.png"), bsd.resolve("coins.png"));
        Path table = dir.resolve("benchmarks.md");
        Files.writeString(table, "# B\n" + BenchQualityCommand.START + "\nold\n" + BenchQualityCommand.END + "\ntail\n");
        CliRun run = CliRun.of("bench", "quality", "--images", natural.toString(), "--benchmark", dir.resolve("bench").toString(),
                "--no-bundled", "--depth", "3", "--width", "4", "--steps", "4", "--batch", "2",
                "--sigmas", "25", "--table", table.toString());
        assertEquals(0, run.exitCode, run.out + run.err);
        assertTrue(run.out.contains("Skipping Set12"), run.out);
        JsonArray models = JsonParser.parseString(run.lastLine()).getAsJsonObject().getAsJsonArray("models");
        assertEquals(2, models.size(), run.lastLine());
        assertEquals("spline twin (3×4, σ=25)", models.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("relu twin (3×4, σ=25)", models.get(1).getAsJsonObject().get("name").getAsString());
        for (int i = 0; i < 2; i++) {
            double psnr = models.get(i).getAsJsonObject().get("BSD68_sigma25").getAsDouble();
            assertTrue(Double.isFinite(psnr) && psnr > 0, run.lastLine()); // four steps: a score, not a good one
        }
        String md = Files.readString(table);
        assertTrue(md.startsWith("# B\n") && md.endsWith(BenchQualityCommand.END + "\ntail\n") && !md.contains("old"), md);
        assertTrue(md.contains("| spline twin (3×4, σ=25) |"), md);
    }

    @Test
    void benchWithoutNameAsksForOne() {
        CliRun run = CliRun.of("bench");
        assertTrue(run.exitCode != 0);
        assertTrue(run.err.contains("bench activation"), run.err);
    }
}
