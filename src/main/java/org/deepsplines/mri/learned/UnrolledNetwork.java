package org.deepsplines.mri.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.deepsplines.mri.djl.NDFourier2d;
import org.deepsplines.mri.djl.NDUndersampledFourier;
import org.deepsplines.nn.DnCnn;

/**
 * Unrolled reconstruction: starting from the zero-filled image {@code x_0 = F^H y}, each of K stages applies
 * a residual CNN, {@code z = x - CNN_k(x)}, then a data-consistency step that restores the measured k-space
 * samples (hard replacement, or the learned weighting of {@link DataConsistencyKind#LEARNED}). The CNN is
 * one block reused by every stage, or one block per stage. Inputs as in {@link MriInputs}; output
 * {@code (N, 2, H, W)}. Works for any image size (odd, non-power-of-two) since the FFT does.
 */
public final class UnrolledNetwork extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Initial λ of learned consistency: measured samples weigh 10x the prediction. */
    static final float INITIAL_LAMBDA = 10f;

    private final MriNetworkConfig config;
    private final List<Block> stages = new ArrayList<>();
    private final Parameter logLambda;

    /** @param config an unrolled design */
    public UnrolledNetwork(MriNetworkConfig config) {
        super(VERSION);
        if (config.kind() != MriNetworkKind.UNROLLED) {
            throw new IllegalArgumentException("UnrolledNetwork needs an unrolled configuration, got " + config.kind().id());
        }
        this.config = config;
        int blocks = config.sharedWeights() ? 1 : config.iterations();
        for (int k = 0; k < blocks; k++) {
            stages.add(addChildBlock(config.sharedWeights() ? "cnn" : "cnn" + k, DnCnn.build(config.cnn())));
        }
        if (config.consistency() == DataConsistencyKind.LEARNED) {
            logLambda = addParameter(Parameter.builder().setName("dc_log_lambda").setType(Parameter.Type.OTHER)
                    .optShape(new Shape(config.iterations()))
                    .optInitializer(new ConstantInitializer((float) Math.log(INITIAL_LAMBDA))).build());
        } else {
            logLambda = null;
        }
    }

    /** The design this block was built from. */
    public MriNetworkConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        MriInputs in = MriInputs.of(inputs);
        NDUndersampledFourier a = new NDUndersampledFourier(NDFourier2d.fft(), in.mask());
        NDArray lambdas = logLambda == null ? null
                : ps.getValue(logLambda, in.zeroFilled().getDevice(), training).exp();
        NDArray x = in.zeroFilled();
        for (int k = 0; k < config.iterations(); k++) {
            Block cnn = stages.get(config.sharedWeights() ? 0 : k);
            x = cnn.forward(ps, new NDList(x), training, params).singletonOrThrow();
            x = lambdas == null ? a.replaceSampled(x, in.kspace())
                    : a.weightedConsistency(x, in.kspace(), lambdas.get(k));
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block b : stages) {
            b.initialize(manager, dataType, inputShapes[0]);
        }
    }
}
