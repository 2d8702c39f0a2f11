package org.deepsplines.mri;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws exactly {@code m} distinct items with probabilities proportional to weights, without
 * replacement (Efraimidis and Spirakis: keep the {@code m} largest keys {@code log(u) / w}).
 * Exact counts are what let the masks hit an acceleration precisely, unlike per-item coin flips.
 */
final class WeightedDraw {
    private WeightedDraw() {
    }

    /** Indices into {@code weights} (all > 0) of the {@code m} chosen items, in ascending order. */
    static int[] choose(double[] weights, int m, Random random) {
        int n = weights.length;
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("cannot draw " + m + " of " + n + " items");
        }
        double[] keys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double u = 1.0 - random.nextDouble(); // in (0, 1], so log is finite
            keys[i] = Math.log(u) / weights[i];
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        int[] chosen = new int[m];
        for (int i = 0; i < m; i++) {
            chosen[i] = order[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
