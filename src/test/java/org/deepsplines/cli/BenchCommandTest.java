package org.deepsplines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

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
    void benchWithoutNameAsksForOne() {
        CliRun run = CliRun.of("bench");
        assertTrue(run.exitCode != 0);
        assertTrue(run.err.contains("bench activation"), run.err);
    }
}
