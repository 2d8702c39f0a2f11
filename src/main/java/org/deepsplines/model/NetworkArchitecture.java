package org.deepsplines.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;

/**
 * Builds the network of a model file from the {@code architecture} object of its description, so that
 * model-level tools (information, activation figures, export, sparsification) work for every task. The
 * residual DnCNN ({@code "type": "dncnn"}) is built in; a task with another network type registers an
 * implementation through {@link java.util.ServiceLoader} ({@code META-INF/services}).
 */
public interface NetworkArchitecture {
    /** The {@code architecture.type} this builds. */
    String type();

    /** A new, uninitialised network for the description. */
    Block build(JsonObject architecture);

    /** An input shape with which to initialise the network before its parameters are loaded. */
    Shape initShape(JsonObject architecture);
}
