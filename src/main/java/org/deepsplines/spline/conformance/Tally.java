package org.deepsplines.spline.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Error bookkeeping for one precision of one vector file. A value passes when
 * |actual − expected| ≤ max(rtol·|expected|, atol); the reported error is that difference normalised
 * as |actual − expected| / max(|expected|, atol / rtol), so "passes" means "error ≤ rtol".
 */
final class Tally {

    private static final int MAX_PROBLEMS_PER_QUANTITY = 3;

    final String precision;
    final double rtol;
    final double atol;
    private double maxError;
    private String worst = "";
    private int compared;
    private final java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    Tally(String precision, double rtol, double atol) {
        this.precision = precision;
        this.rtol = rtol;
        this.atol = atol;
    }

    /** Element-wise comparison with the default absolute floor. */
    void compare(String what, double[] actual, double[] expected) {
        compare(what, actual, expected, atol, null);
    }

    /**
     * Element-wise comparison.
     *
     * @param floor absolute tolerance for values near zero
     * @param include which entries to compare (null: all)
     */
    void compare(String what, double[] actual, double[] expected, double floor, boolean[] include) {
        if (!sameLength(what, actual, expected)) {
            return;
        }
        int reported = 0;
        for (int i = 0; i < actual.length; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            double err = error(actual[i], expected[i], Math.max(Math.abs(expected[i]), floor / rtol));
            counts.merge(what, 1, Integer::sum);
            if (err >= maxError && err > 0) {
                worst = what;
            }
            if (err > rtol && reported++ < MAX_PROBLEMS_PER_QUANTITY) {
                problems.add(String.format(Locale.ROOT, "%s %s[%d]: got %.17g, expected %.17g (error %.3g)",
                        precision, what, i, actual[i], expected[i], err));
            }
        }
    }

    /**
     * Comparison relative to the largest expected magnitude of the whole array (for sums over many
     * inputs, whose small entries carry the rounding of the large ones).
     */
    void compareScaled(String what, double[] actual, double[] expected) {
        if (!sameLength(what, actual, expected)) {
            return;
        }
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        compare(what, actual, expected, Math.max(atol, rtol * scale), null);
    }

    /** Single-value comparison. */
    void compare(String what, double actual, double expected, double floor) {
        compare(what, new double[] {actual}, new double[] {expected}, floor, null);
    }

    /** Exact comparison of integer counts. */
    void compareExact(String what, int[] actual, int[] expected) {
        if (actual.length != expected.length) {
            problems.add(precision + " " + what + ": got " + actual.length + " values, expected " + expected.length);
            return;
        }
        for (int i = 0; i < actual.length; i++) {
            compared++;
            counts.merge(what, 1, Integer::sum);
            if (actual[i] != expected[i]) {
                problems.add(precision + " " + what + "[" + i + "]: got " + actual[i] + ", expected " + expected[i]);
                return;
            }
        }
    }

    /** Records a failed structural check. */
    void fail(String message) {
        problems.add(precision + " " + message);
    }

    private boolean sameLength(String what, double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            problems.add(precision + " " + what + ": got " + actual.length + " values, expected " + expected.length);
            return false;
        }
        return true;
    }

    private double error(double actual, double expected, double scale) {
        compared++;
        double err;
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            err = Double.isNaN(actual) && Double.isNaN(expected) ? 0 : Double.POSITIVE_INFINITY;
        } else if (actual == expected) {
            err = 0;
        } else {
            err = Math.abs(actual - expected) / scale;
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
        }
        maxError = Math.max(maxError, err);
        return err;
    }

    double maxError() {
        return maxError;
    }

    /** The quantity holding the largest error. */
    String worst() {
        return worst;
    }

    /** Number of compared values per quantity. */
    java.util.Map<String, Integer> counts() {
        return counts;
    }

    int compared() {
        return compared;
    }

    List<String> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty() && compared > 0;
    }
}
