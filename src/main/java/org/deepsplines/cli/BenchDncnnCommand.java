package org.deepsplines.cli;

import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deepsplines.nn.ActivationKind;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;
import org.deepsplines.train.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench dncnn}: one training step of DnCNN-17 (64 channels) with ReLU and with spline activations. */
@Command(name = "dncnn", mixinStandardHelpOptions = true,
        description = "Median ms of zero-grad + forward + MSE + backward for DnCNN-17, 64 channels, no batch norm, "
                + "batch 8x1x40x40 float32, with ReLU and with spline activations (S=51, R=4, leaky_relu init). Prints one JSON line.")
final class BenchDncnnCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "10", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be ≥ 1 and --warmup ≥ 0");
        }
        int used = TorchThreads.set(threads);
        Shape batch = new Shape(8, 1, 40, 40);
        DnCnnConfig relu = DnCnnConfig.builder().depth(17).width(64).activation(ActivationSpec.of(ActivationKind.RELU)).build();
        DnCnnConfig spline = relu.toBuilder().activation(ActivationSpec.spline(SplineConfig.builder().size(51).range(4)
                .numActivations(1).init(SplineInit.LEAKY_RELU).build())).build();
        double reluMs = StepBenchmark.medianStepMs(relu, batch, runs, warmup, 1);
        double splineMs = StepBenchmark.medianStepMs(spline, batch, runs, warmup, 1);
        System.out.println(String.format(Locale.ROOT,
                "{\"dncnn_relu_ms\":%.3f,\"dncnn_spline_ms\":%.3f,\"spline_over_relu\":%.3f,\"threads\":%d,\"runs\":%d}",
                reluMs, splineMs, splineMs / reluMs, used, runs));
        return 0;
    }
}
