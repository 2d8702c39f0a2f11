package org.deepsplines.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepsplines.spline.LearnedActivation;

/**
 * What one layer of learned activations amounts to: how many knots are really used (slope changes above a
 * threshold), how steep the activations get (exact Lipschitz constants) and its share of the network's
 * Lipschitz bound (Σ BV2). Reported by "Model Info" and in the header of the activation figure.
 *
 * @param layer 1-based layer index, input to output
 * @param activations number of activations (one per channel)
 * @param activeKnots knots whose |slope change| exceeds the threshold, over all activations
 * @param totalKnots knots available (activations × (S − 2))
 * @param maxLipschitz largest exact Lipschitz constant of the layer's activations
 * @param sumBv2 Σ BV2 over the layer's activations (its factor in the network's Lipschitz bound)
 * @param gridHalfRange the grid spans [−range, range]
 * @param threshold the slope-change threshold used for {@code activeKnots}
 */
public record LayerStatistics(int layer, int activations, int activeKnots, int totalKnots, double maxLipschitz,
        double sumBv2, double gridHalfRange, double threshold) {

    /** Slope changes above this count as active knots unless a tool says otherwise. */
    public static final double DEFAULT_KNOT_THRESHOLD = 1e-3;

    /** Statistics of every layer. */
    public static List<LayerStatistics> of(List<LearnedActivation> layers, double threshold) {
        List<LayerStatistics> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            out.add(of(i + 1, layers.get(i), threshold));
        }
        return out;
    }

    /** Statistics of one layer. */
    public static LayerStatistics of(int index, LearnedActivation layer, double threshold) {
        int n = layer.config().numActivations();
        int active = 0;
        for (int a = 0; a < n; a++) {
            // The two end knots never change the slope (the spline continues linearly), so S − 2 can be active.
            for (double s : layer.knotTable(a).slopeChanges()) {
                if (Math.abs(s) > threshold) {
                    active++;
                }
            }
        }
        int total = n * (layer.config().size() - 2);
        double lip = 0;
        for (double l : layer.lipschitzPerActivation()) {
            lip = Math.max(lip, l);
        }
        double bv2 = 0;
        for (double b : layer.bv2PerActivation()) {
            bv2 += b;
        }
        return new LayerStatistics(index, n, active, total, lip, bv2, layer.grid() * (layer.config().size() / 2),
                threshold);
    }

    /** Active knots summed over layers. */
    public static int totalActive(List<LayerStatistics> layers) {
        int s = 0;
        for (LayerStatistics l : layers) {
            s += l.activeKnots;
        }
        return s;
    }

    /** Available knots summed over layers. */
    public static int totalKnots(List<LayerStatistics> layers) {
        int s = 0;
        for (LayerStatistics l : layers) {
            s += l.totalKnots;
        }
        return s;
    }

    /** e.g. "Layer 3: 64 activations, grid [-4, 4], active knots 210 / 3136, max Lipschitz 1.35, Σ BV2 70.2". */
    public String describe() {
        return String.format(Locale.ROOT,
                "Layer %d: %d activations, grid [%.3g, %.3g], active knots %d / %d, max Lipschitz %.3g, Σ BV2 %.3g",
                layer, activations, -gridHalfRange, gridHalfRange, activeKnots, totalKnots, maxLipschitz, sumBv2);
    }
}
