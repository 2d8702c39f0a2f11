package org.deepsplines.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The loss / validation history of a run, stored in checkpoints and model files. */
public final class TrainingLog {
    /** One logged point; {@code validation} is NaN when no validation ran at that step. */
    public record Entry(long step, double loss, double validation, double learningRate, double seconds) {}

    private final List<Entry> entries = new ArrayList<>();

    public void add(Entry e) {
        entries.add(e);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public JsonArray toJson() {
        JsonArray a = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("step", e.step());
            o.addProperty("loss", finiteOrNull(e.loss()));
            if (Double.isFinite(e.validation())) {
                o.addProperty("validation", e.validation());
            }
            o.addProperty("lr", e.learningRate());
            o.addProperty("seconds", e.seconds());
            a.add(o);
        }
        return a;
    }

    public static TrainingLog fromJson(JsonArray a) {
        TrainingLog log = new TrainingLog();
        for (JsonElement el : a) {
            JsonObject o = el.getAsJsonObject();
            log.add(new Entry(o.get("step").getAsLong(),
                    o.has("loss") && !o.get("loss").isJsonNull() ? o.get("loss").getAsDouble() : Double.NaN,
                    o.has("validation") ? o.get("validation").getAsDouble() : Double.NaN,
                    o.get("lr").getAsDouble(), o.get("seconds").getAsDouble()));
        }
        return log;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
