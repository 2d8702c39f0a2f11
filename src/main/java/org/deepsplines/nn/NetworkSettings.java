package org.deepsplines.nn;

import org.deepsplines.spline.SlopeConstraint;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;

/**
 * The architecture choices a user makes for a residual (DnCNN-style) network, as plain values that a
 * command line, a dialog or a macro can fill; {@link #toConfig(int)} turns them into a {@link DnCnnConfig}.
 * Front ends share this so the same words mean the same network everywhere.
 *
 * @param activation spline, relu, leaky_relu or prelu
 * @param depth number of convolution layers
 * @param width feature maps per layer
 * @param kernel convolution kernel size
 * @param batchNorm batch normalisation after the inner convolutions
 * @param threeD 3D convolutions (z-stacks as volumes)
 * @param splineSize spline coefficients S (odd)
 * @param splineRange spline grid half-range R (used when {@code splineGrid} is null)
 * @param splineGrid spline grid spacing T, or null to derive it from the range
 * @param splineInit relu, leaky_relu, identity, even_odd or random
 * @param constraint none, 1-lipschitz or monotone
 */
public record NetworkSettings(String activation, int depth, int width, int kernel, boolean batchNorm, boolean threeD,
        int splineSize, double splineRange, Double splineGrid, String splineInit, String constraint) {

    /** DnCNN-17 with 64 feature maps and spline activations (S 51, range 4, leaky-ReLU start). */
    public static NetworkSettings defaults() {
        return new NetworkSettings("spline", 17, 64, 3, false, false, 51, 4, null, "leaky_relu", "none");
    }

    /**
     * The network description.
     *
     * @param channels image channels (1 for grey images, 2 for complex data)
     * @throws IllegalArgumentException for unknown names or invalid sizes, with a message naming the value
     */
    public DnCnnConfig toConfig(int channels) {
        return DnCnnConfig.builder().depth(depth).width(width).kernel(kernel).batchNorm(batchNorm)
                .spatialDims(threeD ? 3 : 2).channels(channels).activation(activationSpec()).build();
    }

    /** The activation part alone (one spline per channel for spline networks). */
    public ActivationSpec activationSpec() {
        ActivationKind kind = ActivationKind.parse(activation);
        if (kind != ActivationKind.SPLINE) {
            return ActivationSpec.of(kind);
        }
        SplineConfig.Builder b = SplineConfig.builder().size(splineSize).numActivations(1)
                .init(SplineInit.parse(splineInit)).constraint(SlopeConstraint.parse(constraint));
        if (splineGrid != null) {
            b.grid(splineGrid);
        } else {
            b.range(splineRange);
        }
        return ActivationSpec.spline(b.build());
    }
}
