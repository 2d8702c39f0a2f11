package org.deepsplines.cli;

import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.NetworkSettings;
import picocli.CommandLine.Option;

/** Architecture and activation options shared by the training commands. */
final class NetworkOptions {
    @Option(names = "--activation", defaultValue = "spline",
            description = "Activation: spline, relu, leaky_relu or prelu (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--depth", defaultValue = "17", description = "Number of convolution layers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--width", defaultValue = "64", description = "Feature maps per layer (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--kernel", defaultValue = "3", description = "Convolution kernel size (default: ${DEFAULT-VALUE}).")
    int kernel;

    @Option(names = "--batch-norm", description = "Add batch normalisation after the inner convolutions"
            + " (trains more slowly: worth it only for long runs).")
    boolean batchNorm;

    @Option(names = "--3d", description = "Use 3D convolutions (train on z-stacks as volumes).")
    boolean threeD;

    @Option(names = "--spline-size", defaultValue = "51", description = "Spline coefficients S, odd (default: ${DEFAULT-VALUE}).")
    int splineSize;

    @Option(names = "--spline-range", defaultValue = "4", description = "Spline grid half-range R; grid T from R (default: ${DEFAULT-VALUE}).")
    double splineRange;

    @Option(names = "--spline-grid", description = "Spline grid spacing T (instead of --spline-range).")
    Double splineGrid;

    @Option(names = "--spline-init", defaultValue = "leaky_relu",
            description = "Spline initialisation: relu, leaky_relu, identity, even_odd, random (default: ${DEFAULT-VALUE}).")
    String splineInit;

    @Option(names = "--slope-constraint", defaultValue = "none",
            description = "Spline slope constraint after each step: none, 1-lipschitz, monotone (default: ${DEFAULT-VALUE}).")
    String constraint;

    /** The choices as the library's network settings (shared with the Fiji commands). */
    NetworkSettings settings() {
        return new NetworkSettings(activation, depth, width, kernel, batchNorm, threeD, splineSize, splineRange,
                splineGrid, splineInit, constraint);
    }

    DnCnnConfig toConfig(int channels) {
        return settings().toConfig(channels);
    }
}
