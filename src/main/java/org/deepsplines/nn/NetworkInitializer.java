package org.deepsplines.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;

/** Seeded parameter initialisation: the same seed gives the same weights. */
public final class NetworkInitializer {
    private NetworkInitializer() {}

    /**
     * Initialises {@code block} for inputs of {@code inputShape} in float32 with He-normal convolution
     * weights (suited to rectifier-like activations, which every supported activation starts as).
     */
    public static void initialize(Block block, NDManager manager, Shape inputShape, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        block.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, inputShape);
    }
}
