package org.deepsplines.data;

/**
 * What {@link TiledInference} applies to each tile, typically a network's forward pass.
 *
 * <p>The input is one tile in tensor order {@code (1, C, h, w)} or {@code (1, C, d, h, w)} (last axis
 * fastest); the result must have the same spatial size, with {@link TiledInference#outputChannels(int)}
 * channels (by default as many as the input). The function may reuse or return its input array.
 */
@FunctionalInterface
public interface TileFunction {

    /**
     * @param tile the tile's values
     * @param shape {@code (1, C, h, w)} or {@code (1, C, d, h, w)}
     * @return the processed tile, {@code (1, Cout, h, w)} or {@code (1, Cout, d, h, w)}
     */
    float[] apply(float[] tile, long[] shape);
}
