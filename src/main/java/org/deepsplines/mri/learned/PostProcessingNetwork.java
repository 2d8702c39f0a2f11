package org.deepsplines.mri.learned;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;

/**
 * Learned post-processing: {@code x = z - CNN(z)} for the zero-filled image {@code z}, a two-channel residual
 * DnCNN. Takes the same three inputs as {@link UnrolledNetwork} (see {@link MriInputs}) so both designs are
 * interchangeable, but only uses the zero-filled image; a single-array input list is accepted too.
 */
public final class PostProcessingNetwork extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Block cnn;

    /** @param cnn the residual CNN's architecture (two channels) */
    public PostProcessingNetwork(DnCnnConfig cnn) {
        super(VERSION);
        this.cnn = addChildBlock("cnn", DnCnn.build(cnn));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() == 1) {
            MriInputs.requireComplexBatch(inputs.get(0), "zero-filled image");
            return cnn.forward(ps, inputs, training, params);
        }
        MriInputs in = MriInputs.of(inputs);
        return cnn.forward(ps, new NDList(in.zeroFilled()), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        cnn.initialize(manager, dataType, inputShapes[0]);
    }
}
