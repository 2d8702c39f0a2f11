package org.deepsplines.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic split of a list into training and validation items (whole images, or fixed
 * patches), chosen by a seed. The same seed, fraction and list always give the same split; both parts
 * keep the items' original order.
 *
 * @param train items to train on (never empty)
 * @param validation held-out items (empty when the fraction is 0)
 * @param <T> item type
 */
public record DatasetSplit<T>(List<T> train, List<T> validation) {

    /** Makes the lists unmodifiable. */
    public DatasetSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * Splits the indices {@code 0..n-1}, e.g. of a batch of fixed patches; apply the result with
     * {@link PatchBatch#subset(List)}.
     */
    public static DatasetSplit<Integer> splitIndices(int n, double fraction, long seed) {
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        return split(idx, fraction, seed);
    }

    /**
     * Holds out {@code round(fraction * n)} items (at least one when the fraction is positive) for
     * validation.
     *
     * @param fraction in [0, 1)
     * @throws IllegalArgumentException when the fraction is out of range or nothing would be left to train on
     */
    public static <T> DatasetSplit<T> split(List<T> items, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("Validation fraction must be in [0, 1), got " + fraction);
        }
        int n = items.size();
        if (n == 0) {
            throw new IllegalArgumentException("Nothing to split: the list is empty");
        }
        int nVal = fraction == 0 ? 0 : Math.max(1, (int) Math.round(fraction * n));
        if (nVal >= n) {
            throw new IllegalArgumentException("Cannot hold out " + nVal + " of " + n + " images for validation and"
                    + " still train; add images, lower the fraction, or validate on fixed crops");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] held = new boolean[n];
        for (int i = 0; i < nVal; i++) {
            held[order[i]] = true;
        }
        List<T> train = new ArrayList<>();
        List<T> val = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (held[i] ? val : train).add(items.get(i));
        }
        return new DatasetSplit<>(train, val);
    }
}
