package org.deepsplines.spline;

/**
 * Double-precision arithmetic on one activation given by its B-spline coefficients c_0..c_{S−1} on the
 * grid t_i = (i − L)·T. Used for reporting (TV2, BV2, Lipschitz constants, knot tables) and for the
 * in-place parameter edits (sparsification, slope constraints); the training forward pass runs in DJL.
 */
final class SplineMath {

    private SplineMath() {}

    /** Knot positions t_i = (i − L)·T. */
    static double[] knots(int size, double grid) {
        int half = size / 2;
        double[] t = new double[size];
        for (int i = 0; i < size; i++) {
            t[i] = (i - half) * grid;
        }
        return t;
    }

    /** Slopes of the S − 1 linear pieces, (c_{i+1} − c_i) / T. */
    static double[] slopes(double[] c, double grid) {
        double[] s = new double[c.length - 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = (c[i + 1] - c[i]) / grid;
        }
        return s;
    }

    /** Slope changes ("ReLU coefficients") a_k = (c_k − 2c_{k+1} + c_{k+2}) / T, k = 0..S−3. */
    static double[] slopeChanges(double[] c, double grid) {
        double[] a = new double[c.length - 2];
        for (int k = 0; k < a.length; k++) {
            a[k] = (c[k] - 2 * c[k + 1] + c[k + 2]) / grid;
        }
        return a;
    }

    /** Second-order total variation Σ_k |a_k|. */
    static double tv2(double[] c, double grid) {
        double sum = 0;
        for (double a : slopeChanges(c, grid)) {
            sum += Math.abs(a);
        }
        return sum;
    }

    /**
     * Value at x: linear interpolation inside the grid, linear extrapolation with the end slopes outside.
     * NaN gives NaN.
     */
    static double evaluate(double[] c, double grid, double x) {
        int half = c.length / 2;
        double u = x / grid + half;
        double k = Math.floor(u);
        k = Math.max(0, Math.min(c.length - 2, k));
        if (Double.isNaN(u)) {
            return Double.NaN;
        }
        int i = (int) k;
        double phi = u - i;
        return c[i] + phi * (c[i + 1] - c[i]);
    }

    /** Exact Lipschitz constant max_i |c_{i+1} − c_i| / T (plus a linear term of slope {@code extraSlope}). */
    static double lipschitz(double[] c, double grid, double extraSlope) {
        double max = 0;
        for (double s : slopes(c, grid)) {
            max = Math.max(max, Math.abs(s + extraSlope));
        }
        return max;
    }

    /**
     * Sparsifies in place: slope changes with |a_k| ≤ threshold become 0, c_0 and c_1 are kept and the
     * rest is rebuilt with c_i = 2c_{i−1} − c_{i−2} + T·a_{i−2}.
     *
     * @return which knots remain (|a_k| &gt; threshold)
     */
    static boolean[] sparsify(double[] c, double grid, double threshold) {
        double[] a = slopeChanges(c, grid);
        boolean[] active = new boolean[a.length];
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k]) <= threshold) {
                a[k] = 0;
            } else {
                active[k] = true;
            }
        }
        for (int i = 2; i < c.length; i++) {
            c[i] = 2 * c[i - 1] - c[i - 2] + grid * a[i - 2];
        }
        return active;
    }

    /**
     * Clips every slope, plus the linear term's slope {@code extraSlope}, to [lo, hi] and rebuilds the
     * coefficients from c_0 (which keeps its value), in place.
     */
    static void clipSlopes(double[] c, double grid, double extraSlope, double lo, double hi) {
        double[] s = slopes(c, grid);
        for (int i = 0; i < s.length; i++) {
            double total = Math.max(lo, Math.min(hi, s[i] + extraSlope));
            c[i + 1] = c[i] + grid * (total - extraSlope);
        }
    }
}
