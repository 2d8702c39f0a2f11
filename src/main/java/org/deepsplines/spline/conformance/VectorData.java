package org.deepsplines.spline.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Typed access to one JSON object of a vector file, with errors that name the missing key. */
final class VectorData {

    private final JsonObject json;
    private final String where;

    VectorData(JsonObject json, String where) {
        this.json = json;
        this.where = where;
    }

    boolean has(String key) {
        return json.has(key) && !json.get(key).isJsonNull();
    }

    private JsonElement get(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException("Missing '" + key + "' in " + where);
        }
        return json.get(key);
    }

    double number(String key) {
        return get(key).getAsDouble();
    }

    String text(String key) {
        return get(key).getAsString();
    }

    boolean flag(String key) {
        return get(key).getAsBoolean();
    }

    VectorData object(String key) {
        return new VectorData(get(key).getAsJsonObject(), where + "." + key);
    }

    /** A (possibly nested) numeric array flattened in row-major order. */
    double[] flat(String key) {
        List<Double> values = new ArrayList<>();
        collect(get(key), values);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** A 2-D numeric array. */
    double[][] table(String key) {
        JsonArray rows = get(key).getAsJsonArray();
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            List<Double> values = new ArrayList<>();
            collect(rows.get(i), values);
            out[i] = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    /** An integer array (values such as 19.0 are accepted). */
    int[] ints(String key) {
        double[] d = flat(key);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) Math.round(d[i]);
        }
        return out;
    }

    long[] shape(String key) {
        double[] d = flat(key);
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Math.round(d[i]);
        }
        return out;
    }

    List<VectorData> list(String key) {
        JsonArray array = get(key).getAsJsonArray();
        List<VectorData> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(new VectorData(array.get(i).getAsJsonObject(), where + "." + key + "[" + i + "]"));
        }
        return out;
    }

    JsonObject json() {
        return json;
    }

    private static void collect(JsonElement e, List<Double> out) {
        if (e.isJsonArray()) {
            for (JsonElement child : e.getAsJsonArray()) {
                collect(child, out);
            }
        } else {
            out.add(e.getAsDouble());
        }
    }
}
