package org.deepsplines.mri.learned;

import ai.djl.nn.AbstractBlock;
import com.google.gson.JsonObject;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;

/**
 * Architecture of a learned MRI reconstruction: the residual CNN (a {@link DnCnnConfig} with two channels,
 * real and imaginary), the design ({@link MriNetworkKind}) and, for unrolled networks, the number of
 * iterations, whether the iterations share one CNN, and the data-consistency step. Immutable.
 */
public final class MriNetworkConfig {
    private final MriNetworkKind kind;
    private final DnCnnConfig cnn;
    private final int iterations;
    private final boolean sharedWeights;
    private final DataConsistencyKind consistency;

    private MriNetworkConfig(MriNetworkKind kind, DnCnnConfig cnn, int iterations, boolean sharedWeights,
            DataConsistencyKind consistency) {
        if (cnn.channels() != 2) {
            throw new IllegalArgumentException("an MRI reconstruction CNN works on complex images as two channels"
                    + " (real, imaginary); got " + cnn.channels() + " channel(s)");
        }
        if (cnn.spatialDims() != 2) {
            throw new IllegalArgumentException("MRI reconstruction works on 2D slices; 3D convolutions are not"
                    + " supported (drop --3d)");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("an unrolled network needs at least 1 iteration, got " + iterations);
        }
        this.kind = kind;
        this.cnn = cnn;
        this.iterations = iterations;
        this.sharedWeights = sharedWeights;
        this.consistency = consistency;
    }

    /** Post-processing: one residual CNN on the zero-filled image. */
    public static MriNetworkConfig post(DnCnnConfig cnn) {
        return new MriNetworkConfig(MriNetworkKind.POST, cnn, 1, false, DataConsistencyKind.HARD);
    }

    /**
     * Unrolled network.
     *
     * @param iterations K, the number of CNN + data-consistency stages
     * @param sharedWeights one CNN reused by every stage (K times fewer weights) instead of one per stage
     */
    public static MriNetworkConfig unrolled(DnCnnConfig cnn, int iterations, boolean sharedWeights,
            DataConsistencyKind consistency) {
        return new MriNetworkConfig(MriNetworkKind.UNROLLED, cnn, iterations, sharedWeights, consistency);
    }

    public MriNetworkKind kind() {
        return kind;
    }

    /** The residual CNN of each stage. */
    public DnCnnConfig cnn() {
        return cnn;
    }

    /** K (1 for post-processing). */
    public int iterations() {
        return iterations;
    }

    public boolean sharedWeights() {
        return sharedWeights;
    }

    public DataConsistencyKind consistency() {
        return consistency;
    }

    /** The same design with another activation (for ReLU twins of spline networks). */
    public MriNetworkConfig withActivation(ActivationSpec activation) {
        return new MriNetworkConfig(kind, cnn.toBuilder().activation(activation).build(), iterations, sharedWeights,
                consistency);
    }

    /** A new, uninitialised block of this design. */
    public AbstractBlock build() {
        return kind == MriNetworkKind.POST ? new PostProcessingNetwork(cnn) : new UnrolledNetwork(this);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("type", kind.id());
        o.add("cnn", cnn.toJson());
        o.addProperty("iterations", iterations);
        o.addProperty("shared_weights", sharedWeights);
        o.addProperty("consistency", consistency.id());
        return o;
    }

    /** Reads {@link #toJson()}'s form, with a clear message for missing entries. */
    public static MriNetworkConfig fromJson(JsonObject o) {
        if (o == null || !o.has("type") || !o.has("cnn")) {
            throw new IllegalArgumentException("MRI model description lacks its network 'type' or 'cnn' settings");
        }
        MriNetworkKind kind = MriNetworkKind.parse(o.get("type").getAsString());
        DnCnnConfig cnn = DnCnnConfig.fromJson(o.getAsJsonObject("cnn"));
        if (kind == MriNetworkKind.POST) {
            return post(cnn);
        }
        return unrolled(cnn, o.get("iterations").getAsInt(), o.get("shared_weights").getAsBoolean(),
                DataConsistencyKind.parse(o.get("consistency").getAsString()));
    }

    @Override
    public String toString() {
        if (kind == MriNetworkKind.POST) {
            return "post-processing " + cnn;
        }
        return "unrolled, " + iterations + " iterations (" + (sharedWeights ? "shared" : "separate") + " CNN weights, "
                + consistency.id() + " data consistency) of " + cnn;
    }
}
