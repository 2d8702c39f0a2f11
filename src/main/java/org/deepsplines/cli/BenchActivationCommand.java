package org.deepsplines.cli;

import com.google.gson.JsonObject;
import java.util.concurrent.Callable;
import org.deepsplines.spline.ActivationBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench activation}: median forward+backward time of ReLU versus a B-spline activation layer on a
 * float32 (16, 64, 64, 64) input (64 channels, S = 51, range 4), plus the spline's forward-only time.
 */
@Command(
        name = "activation",
        mixinStandardHelpOptions = true,
        description = "Time ReLU vs a 64-channel B-spline activation (S=51, range 4) on float32 (16,64,64,64); "
                + "prints {\"act_relu_ms\",\"act_spline_ms\",\"act_spline_forward_ms\",\"threads\",\"runs\",...}.")
final class BenchActivationCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "20", description = "Timed runs per measurement (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be at least 0, got " + warmup);
        }
        int inEffect = TorchThreads.set(threads);
        ActivationBenchmark.Result r = ActivationBenchmark.run(runs, warmup);
        JsonObject o = new JsonObject();
        o.addProperty("act_relu_ms", round(r.reluMs));
        o.addProperty("act_spline_ms", round(r.splineMs));
        o.addProperty("act_spline_forward_ms", round(r.splineForwardMs));
        o.addProperty("threads", inEffect);
        o.addProperty("runs", runs);
        o.addProperty("warmup", warmup);
        spec.commandLine().getOut().println(o);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
