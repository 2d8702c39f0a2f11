package org.deepsplines.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import org.deepsplines.nn.GradientMode;
import org.deepsplines.spline.LearnedActivation;

/**
 * Sparsifies every learned activation of a network at one slope-change threshold: knots with
 * |slope change| ≤ threshold are removed in place, so each activation becomes a linear spline with fewer
 * pieces. (The PSNR-guided choice of the threshold needs task data; see the task packages.)
 */
public final class ModelSparsifier {

    /**
     * Knots per layer before and after.
     *
     * @param threshold the slope-change threshold applied
     * @param before knots with a non-zero slope change per layer, before
     * @param after knots kept per layer
     * @param total knots available per layer
     */
    public record Outcome(double threshold, int[] before, int[] after, int[] total) {
        public int totalBefore() {
            return sum(before);
        }

        public int totalAfter() {
            return sum(after);
        }

        /** e.g. "Sparsified at threshold 0.001: active knots 3010 → 412 of 3136". */
        public String describe() {
            return String.format(Locale.ROOT, "Sparsified at threshold %.3g: active knots %d → %d of %d", threshold,
                    totalBefore(), totalAfter(), sum(total));
        }

        /** The description entry stored in the model file. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("threshold", threshold);
            o.add("active_knots_before_per_layer", array(before));
            o.add("active_knots_per_layer", array(after));
            o.add("total_knots_per_layer", array(total));
            return o;
        }

        private static int sum(int[] v) {
            int s = 0;
            for (int x : v) {
                s += x;
            }
            return s;
        }

        private static JsonArray array(int[] v) {
            JsonArray a = new JsonArray();
            for (int x : v) {
                a.add(x);
            }
            return a;
        }
    }

    private ModelSparsifier() {}

    /**
     * Sparsifies in place.
     *
     * @throws IllegalArgumentException for a negative or NaN threshold, or a network without learned activations
     */
    public static Outcome apply(List<LearnedActivation> layers, double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("The sparsification threshold must be ≥ 0, got " + threshold);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("This network has no learned activations to sparsify (ReLU-type model).");
        }
        // Sparsifying edits parameters in place, which autograd forbids on threads where it is on.
        GradientMode.offOnThisThread();
        int n = layers.size();
        int[] before = new int[n];
        int[] after = new int[n];
        int[] total = new int[n];
        for (int i = 0; i < n; i++) {
            LearnedActivation layer = layers.get(i);
            total[i] = layer.config().numActivations() * (layer.config().size() - 2);
            before[i] = LayerStatistics.of(i + 1, layer, 0).activeKnots();
            for (int k : layer.sparsify(threshold).activeKnots()) {
                after[i] += k;
            }
        }
        return new Outcome(threshold, before, after, total);
    }
}
