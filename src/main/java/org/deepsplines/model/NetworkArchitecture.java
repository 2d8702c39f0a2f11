package org.deepsplines.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;

/**
 * Builds the network of a model file from its description, so that model-level tools (information,
 * activation figures, export, sparsification) work for every task. The residual DnCNN described under
 * {@code "architecture"} is built in; a task whose models describe their network differently registers an
 * implementation through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/org.deepsplines.model.NetworkArchitecture}).
 */
public interface NetworkArchitecture {
    /** Whether this builds the networks of model files with this task and description. */
    boolean handles(String task, JsonObject description);

    /**
     * A new network for the description, initialised on {@code manager} so that the stored parameters
     * can be loaded into it.
     */
    Block create(JsonObject description, NDManager manager);

    /** One readable line about the network (and what it was made for), or null to show the raw description. */
    default String describe(JsonObject description) {
        return null;
    }
}
