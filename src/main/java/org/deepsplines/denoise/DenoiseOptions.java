package org.deepsplines.denoise;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How to run a denoiser on an image.
 *
 * @param tileSize tile side in pixels including margins (0: derived from the memory budget)
 * @param memoryBudgetBytes memory one tile may use when the tile size is derived
 * @param clip clip the result to the normalised data range [0, 1] (right for 8-bit-like data)
 * @param progress receives the fraction done (0..1); may be null
 * @param cancelled asked between tiles; returning true ends with a CancellationException; may be null
 */
public record DenoiseOptions(int tileSize, long memoryBudgetBytes, boolean clip, DoubleConsumer progress,
        BooleanSupplier cancelled) {

    public DenoiseOptions {
        if (tileSize < 0) {
            throw new IllegalArgumentException("Tile size must be ≥ 0 (0 chooses it from the memory budget)");
        }
        if (memoryBudgetBytes < (1 << 20)) {
            throw new IllegalArgumentException("Memory budget must be at least 1 MiB (got " + memoryBudgetBytes + " bytes)");
        }
    }

    /** Tiles from a 512 MiB budget, no clipping, no progress. */
    public static DenoiseOptions defaults() {
        return new DenoiseOptions(0, 512L << 20, false, null, null);
    }

    public DenoiseOptions withProgress(DoubleConsumer p) {
        return new DenoiseOptions(tileSize, memoryBudgetBytes, clip, p, cancelled);
    }

    public DenoiseOptions withCancel(BooleanSupplier c) {
        return new DenoiseOptions(tileSize, memoryBudgetBytes, clip, progress, c);
    }

    public DenoiseOptions withClip(boolean c) {
        return new DenoiseOptions(tileSize, memoryBudgetBytes, c, progress, cancelled);
    }

    public DenoiseOptions withTileSize(int t) {
        return new DenoiseOptions(t, memoryBudgetBytes, clip, progress, cancelled);
    }

    public DenoiseOptions withMemoryBudget(long bytes) {
        return new DenoiseOptions(tileSize, bytes, clip, progress, cancelled);
    }
}
