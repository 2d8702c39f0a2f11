package org.deepsplines.mri.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import org.deepsplines.model.NetworkArchitecture;

/**
 * Lets the model-level tools (information, activation figures, export, sparsification) open MRI
 * reconstruction models: their description holds a {@code "network"} entry ({@link MriNetworkConfig})
 * instead of the denoisers' {@code "architecture"}. Registered through {@code META-INF/services}.
 */
public final class MriArchitecture implements NetworkArchitecture {

    @Override
    public boolean handles(String task, JsonObject description) {
        return MriReconstructionModel.TASK.equals(task) && description.has("network");
    }

    @Override
    public Block create(JsonObject description, NDManager manager) {
        Block b = MriNetworkConfig.fromJson(description.getAsJsonObject("network")).build();
        MriReconstructionModel.initialize(b, manager, 0);
        return b;
    }

    @Override
    public String describe(JsonObject description) {
        String net = MriNetworkConfig.fromJson(description.getAsJsonObject("network")).toString();
        return description.has("sampling")
                ? net + "; trained for " + MriSampling.fromJson(description.getAsJsonObject("sampling")) : net;
    }
}
