package org.deepsplines.spline;

import java.util.Arrays;

/**
 * Outcome of {@link LearnedActivation#sparsify(double)}: the threshold and, per activation, how many
 * knots (non-zero slope changes) remain and how many linear pieces that leaves.
 */
public final class SparsifyResult {

    private final double threshold;
    private final boolean[][] activeMask;

    /**
     * @param threshold the threshold that was applied
     * @param activeMask per activation, which of the S − 2 interior knots remain (copied)
     */
    public SparsifyResult(double threshold, boolean[][] activeMask) {
        this.threshold = threshold;
        this.activeMask = new boolean[activeMask.length][];
        for (int a = 0; a < activeMask.length; a++) {
            this.activeMask[a] = activeMask[a].clone();
        }
    }

    /** Per activation, whether each interior knot k (slope change a_k) remains. */
    public boolean[][] activeKnotMask() {
        boolean[][] copy = new boolean[activeMask.length][];
        for (int a = 0; a < activeMask.length; a++) {
            copy[a] = activeMask[a].clone();
        }
        return copy;
    }

    /** The threshold that was applied. */
    public double threshold() {
        return threshold;
    }

    /** Remaining knots per activation: #{k : |a_k| &gt; threshold}. */
    public int[] activeKnots() {
        int[] counts = new int[activeMask.length];
        for (int a = 0; a < activeMask.length; a++) {
            for (boolean active : activeMask[a]) {
                counts[a] += active ? 1 : 0;
            }
        }
        return counts;
    }

    /** Linear pieces per activation: active knots + 1. */
    public int[] linearPieces() {
        return Arrays.stream(activeKnots()).map(k -> k + 1).toArray();
    }

    /** Sum of the remaining knots over all activations. */
    public int totalActiveKnots() {
        return Arrays.stream(activeKnots()).sum();
    }

    @Override
    public String toString() {
        return "SparsifyResult{threshold=" + threshold + ", activeKnots=" + Arrays.toString(activeKnots()) + "}";
    }
}
