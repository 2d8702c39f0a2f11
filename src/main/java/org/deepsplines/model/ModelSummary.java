package org.deepsplines.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.spline.SplineNetworks;
import org.deepsplines.train.TrainingProgress;

/**
 * A readable summary of a model: task, network, parameters, what it was trained on and how well, and per
 * layer how sparse and how steep its learned activations are, with the network's Lipschitz bound.
 */
public final class ModelSummary {
    private final String name;
    private final JsonObject config;
    private final String parameters;
    private final double lipschitzBound;
    private final List<LayerStatistics> layers;
    private final String network;

    private ModelSummary(String name, JsonObject config, String network, String parameters, double lipschitzBound,
            List<LayerStatistics> layers) {
        this.name = name;
        this.network = network;
        this.config = config;
        this.parameters = parameters;
        this.lipschitzBound = lipschitzBound;
        this.layers = layers;
    }

    /** Summarises a loaded model; active knots are counted above {@code knotThreshold}. */
    public static ModelSummary of(ModelNetwork network, double knotThreshold) {
        return new ModelSummary(network.name(), network.file().config(), network.describeNetwork(),
                ParameterCounts.of(network.block()).toString(),
                SplineNetworks.lipschitzBound(network.block()), LayerStatistics.of(network.activations(), knotThreshold));
    }

    public List<LayerStatistics> layers() {
        return layers;
    }

    /** Upper bound on the network's Lipschitz constant (see {@link SplineNetworks#lipschitzBound}). */
    public double lipschitzBound() {
        return lipschitzBound;
    }

    /** The summary as lines of text. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Model: " + name + " (task " + str(config, "task") + ", format version " + str(config, "format_version")
                + ")");
        // Denoisers describe their network under "architecture"; other tasks may use "network".
        JsonObject arch = config.has("architecture") ? config.getAsJsonObject("architecture")
                : config.getAsJsonObject("network");
        if (network != null) {
            out.add("Network: " + network);
        } else if (arch != null) {
            out.add("Network: " + describeArchitecture(arch));
        }
        out.add("Parameters: " + parameters);
        JsonObject noise = config.getAsJsonObject("noise");
        if (noise != null && noise.has("sigma_min")) {
            double lo = noise.get("sigma_min").getAsDouble();
            double hi = noise.get("sigma_max").getAsDouble();
            out.add(String.format(Locale.ROOT, lo == hi ? "Noise: σ %s (0–255 scale)" : "Noise: blind, σ %s (0–255 scale)",
                    lo == hi ? fmt(lo) : fmt(lo) + "–" + fmt(hi)));
        }
        JsonObject t = config.getAsJsonObject("training");
        if (t != null) {
            StringBuilder b = new StringBuilder("Training:");
            if (t.has("steps_done")) {
                b.append(' ').append(t.get("steps_done").getAsLong()).append(" steps");
            }
            if (t.has("seconds")) {
                b.append(" in ").append(TrainingProgress.formatDuration(t.get("seconds").getAsDouble()));
            }
            if (t.has("best_validation_psnr") && !t.get("best_validation_psnr").isJsonNull()) {
                double v = t.get("best_validation_psnr").getAsDouble();
                if (Double.isFinite(v)) {
                    b.append(String.format(Locale.ROOT, ", best validation PSNR %.2f dB", v));
                    if (t.has("best_step")) {
                        b.append(" at step ").append(t.get("best_step").getAsLong());
                    }
                }
            }
            if (t.has("images") && t.get("images").isJsonArray()) {
                b.append(", ").append(t.getAsJsonArray("images").size()).append(" training image(s)");
            }
            if (t.has("stopped_early") && t.get("stopped_early").getAsBoolean()) {
                b.append(", stopped early");
            }
            out.add(b.toString());
            if (t.has("created")) {
                out.add("Created: " + t.get("created").getAsString()
                        + (t.has("software") ? " by " + t.get("software").getAsString() : ""));
            }
        }
        JsonObject sparsity = config.getAsJsonObject("sparsity");
        if (sparsity != null && sparsity.has("threshold")) {
            out.add(String.format(Locale.ROOT, "Sparsified at slope-change threshold %.3g",
                    sparsity.get("threshold").getAsDouble()));
        }
        if (layers.isEmpty()) {
            out.add("Learned activations: none (fixed activation function)");
        } else {
            out.add(String.format(Locale.ROOT, "Learned activations: %d layer(s), active knots %d / %d (|slope change| > %.3g)",
                    layers.size(), LayerStatistics.totalActive(layers), LayerStatistics.totalKnots(layers),
                    layers.get(0).threshold()));
            for (LayerStatistics l : layers) {
                out.add("  " + l.describe());
            }
        }
        out.add(String.format(Locale.ROOT, "Lipschitz bound of the network: %.4g (Π max|W| × Π Σ BV2)", lipschitzBound));
        return out;
    }

    /** The summary as one text block. */
    public String text() {
        return String.join("\n", lines()) + "\n";
    }

    private static String describeArchitecture(JsonObject arch) {
        try {
            return org.deepsplines.nn.DnCnnConfig.fromJson(arch).toString();
        } catch (RuntimeException e) {
            // Another network type: its JSON says enough.
            return arch.toString();
        }
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "?" : e.getAsString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
