package org.deepsplines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** y = x − body(x): the body estimates the residual (for a denoiser, the noise). */
public final class ResidualBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Block body;

    public ResidualBlock(Block body) {
        super(VERSION);
        this.body = addChildBlock("body", body);
    }

    public Block body() {
        return body;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray r = body.forward(ps, inputs, training, params).singletonOrThrow();
        return new NDList(x.sub(r));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
    }
}
