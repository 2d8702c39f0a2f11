package org.deepsplines.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/** The "training" section every model file carries: settings, what it was trained on, when and by what. */
public final class TrainingMetadata {
    private TrainingMetadata() {}

    /**
     * @param key name of the list of training inputs, e.g. "images" or "slices"
     * @param names one name per training input
     */
    public static JsonObject of(TrainingConfig config, String key, List<String> names) {
        JsonObject t = config.toJson();
        JsonArray list = new JsonArray();
        names.forEach(list::add);
        t.add(key, list);
        t.addProperty("created", Instant.now().toString());
        String v = TrainingMetadata.class.getPackage().getImplementationVersion();
        t.addProperty("software", "DeepSplines for Fiji " + (v == null ? "development build" : v));
        return t;
    }
}
