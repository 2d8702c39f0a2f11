package org.deepsplines.data;

import java.util.Arrays;
import java.util.List;

/**
 * Where the tiles of a {@link TiledInference} run go, per spatial axis (slowest axis first: (h, w) or
 * (d, h, w)). Each tile reads {@code tile} pixels starting at {@code coreStart - margin} (outside the
 * image by mirror reflection) and contributes its central {@code core = tile - 2·margin} pixels.
 *
 * @param axes one plan per spatial axis, slowest first
 */
public record TilePlan(List<Axis> axes) {

    /**
     * The tiling along one axis.
     *
     * @param size image size along the axis
     * @param tile tile size read along the axis (including both margins)
     * @param margin pixels discarded at each tile end (the receptive-field margin)
     * @param coreStarts image coordinate where each tile's kept core starts, increasing; the last core
     *        ends at {@code size} (or beyond when one tile is larger than the image)
     */
    public record Axis(int size, int tile, int margin, int[] coreStarts) {

        /** Width of the kept core, {@code tile - 2·margin}. */
        public int core() {
            return tile - 2 * margin;
        }

        /** Number of tiles along the axis. */
        public int count() {
            return coreStarts.length;
        }

        /** Smallest overlap between neighbouring cores (0 with one tile). */
        public int minCoreOverlap() {
            int min = count() > 1 ? Integer.MAX_VALUE : 0;
            for (int i = 1; i < count(); i++) {
                min = Math.min(min, coreStarts[i - 1] + core() - coreStarts[i]);
            }
            return min;
        }

        @Override
        public String toString() {
            return "Axis[size=" + size + ", tile=" + tile + ", margin=" + margin + ", starts="
                    + Arrays.toString(coreStarts) + "]";
        }
    }

    /** Makes the list unmodifiable. */
    public TilePlan {
        axes = List.copyOf(axes);
    }

    /** Total number of tiles. */
    public long tileCount() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.count();
        }
        return n;
    }

    /** The size of the tiles read, slowest axis first. */
    public int[] tileShape() {
        return axes.stream().mapToInt(Axis::tile).toArray();
    }

    /** Pixels in one tile. */
    public long tilePixels() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.tile();
        }
        return n;
    }
}
