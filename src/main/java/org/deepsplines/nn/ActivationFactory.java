package org.deepsplines.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import org.deepsplines.spline.ActivationMode;
import org.deepsplines.spline.BSplineActivation;
import org.deepsplines.spline.SplineConfig;

/** Builds the activation block for one layer of {@code channels} feature maps. */
public final class ActivationFactory {
    /** Slope of the leaky ReLU, as in the spline reference's leaky_relu initialisation. */
    public static final float LEAKY_SLOPE = 0.01f;

    private ActivationFactory() {}

    public static Block create(ActivationSpec spec, int channels) {
        switch (spec.kind()) {
            case RELU:
                return Activation.reluBlock();
            case LEAKY_RELU:
                return Activation.leakyReluBlock(LEAKY_SLOPE);
            case PRELU:
                return Activation.preluBlock();
            case SPLINE:
                SplineConfig layer = spec.splineTemplate().toBuilder()
                        .numActivations(channels)
                        .mode(ActivationMode.CHANNEL)
                        .build();
                return new BSplineActivation(layer);
            default:
                throw new IllegalStateException("unhandled activation " + spec.kind());
        }
    }
}
