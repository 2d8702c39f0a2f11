package org.deepsplines.train;

import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.deepsplines.spline.LearnedActivation;
import org.deepsplines.spline.SplineNetworks;

/**
 * Sparsification after training, as in the deep-spline reference: try increasing thresholds on the
 * slope changes of every spline, and keep the largest whose validation score drops by at most a
 * tolerance. Fewer active knots make the activations simpler to read and cheaper to describe.
 */
public final class SparsityScan {
    /** Thresholds tried, in increasing order (units of slope change). */
    static final double[] THRESHOLDS = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0};

    /**
     * @param threshold chosen threshold (0 when none kept the score within tolerance)
     * @param scoreBefore validation score before sparsification
     * @param scoreAfter validation score with the chosen threshold
     * @param activeKnots active knots per spline layer after sparsification
     * @param activeKnotsBefore active knots per layer before (threshold 0)
     * @param totalKnots knots available per layer (activations × (S − 2))
     */
    public record Result(double threshold, double scoreBefore, double scoreAfter, int[] activeKnots,
            int[] activeKnotsBefore, int[] totalKnots) {

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("threshold", threshold);
            o.addProperty("validation_before", scoreBefore);
            o.addProperty("validation_after", scoreAfter);
            o.add("active_knots_per_layer", array(activeKnots));
            o.add("active_knots_before_per_layer", array(activeKnotsBefore));
            o.add("total_knots_per_layer", array(totalKnots));
            return o;
        }

        public String describe() {
            long after = 0;
            long before = 0;
            long total = 0;
            for (int i = 0; i < activeKnots.length; i++) {
                after += activeKnots[i];
                before += activeKnotsBefore[i];
                total += totalKnots[i];
            }
            return String.format(Locale.ROOT,
                    "Sparsified at threshold %.3g: active knots %d → %d of %d; validation %.2f → %.2f dB",
                    threshold, before, after, total, scoreBefore, scoreAfter);
        }

        private static JsonArray array(int[] v) {
            JsonArray a = new JsonArray();
            for (int x : v) {
                a.add(x);
            }
            return a;
        }
    }

    private SparsityScan() {}

    /** Scans thresholds, leaves the network sparsified at the chosen one and reports the result. */
    public static Result run(Block block, DoubleSupplier validate, double toleranceDb) {
        List<LearnedActivation> layers = SplineNetworks.find(block);
        List<double[][]> original = new ArrayList<>();
        for (LearnedActivation a : layers) {
            original.add(a.coefficients());
        }
        int[] total = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            total[i] = layers.get(i).config().numActivations() * (layers.get(i).config().size() - 2);
        }
        int[] before = sparsifyAll(layers, 0.0);
        double base = validate.getAsDouble();
        double chosen = 0;
        double chosenScore = base;
        for (double t : THRESHOLDS) {
            restore(layers, original);
            sparsifyAll(layers, t);
            double score = validate.getAsDouble();
            if (base - score > toleranceDb) {
                break;
            }
            chosen = t;
            chosenScore = score;
        }
        restore(layers, original);
        int[] after = sparsifyAll(layers, chosen);
        return new Result(chosen, base, chosenScore, after, before, total);
    }

    private static int[] sparsifyAll(List<LearnedActivation> layers, double threshold) {
        int[] active = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            int[] perActivation = layers.get(i).sparsify(threshold).activeKnots();
            for (int k : perActivation) {
                active[i] += k;
            }
        }
        return active;
    }

    private static void restore(List<LearnedActivation> layers, List<double[][]> coefficients) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).setCoefficients(coefficients.get(i));
        }
    }
}
