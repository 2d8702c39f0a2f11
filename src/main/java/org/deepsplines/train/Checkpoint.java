package org.deepsplines.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deepsplines.data.AtomicFiles;

/**
 * A resumable training state in one zip file: {@code checkpoint.json} (step, best score, log, the
 * caller's model description), the current and the best parameters, and the optimiser moments.
 * Written atomically, so an interrupted write leaves the previous checkpoint intact.
 */
public final class Checkpoint {
    public static final String FORMAT = "deepsplines-checkpoint";
    public static final int VERSION = 1;
    static final String STATE = "checkpoint.json";
    static final String WEIGHTS = "weights.params";
    static final String BEST = "best.params";
    static final String OPTIMIZER = "optimizer.bin";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private final JsonObject state;
    private final Map<String, byte[]> blobs;

    Checkpoint(JsonObject state, Map<String, byte[]> blobs) {
        this.state = state;
        this.blobs = blobs;
    }

    /** The model description the training code stored (architecture, normalisation, task settings). */
    public JsonObject model() {
        return state.getAsJsonObject("model");
    }

    public TrainingConfig training() {
        return TrainingConfig.fromJson(state.getAsJsonObject("training"));
    }

    public long step() {
        return state.get("step").getAsLong();
    }

    Map<String, byte[]> blobs() {
        return blobs;
    }

    JsonObject state() {
        return state;
    }

    byte[] blob(String name) {
        byte[] b = blobs.get(name);
        if (b == null) {
            throw new IllegalArgumentException("Checkpoint is incomplete: entry " + name + " is missing");
        }
        return b;
    }

    void write(Path file) throws IOException {
        AtomicFiles.write(file, true, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(STATE));
                zip.write(GSON.toJson(state).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /** Reads a checkpoint, with a clear message when the file is not one or is damaged. */
    public static Checkpoint read(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    in.transferTo(buf);
                    entries.put(e.getName(), buf.toByteArray());
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException("Checkpoint " + file + " is damaged or not a checkpoint (" + e.getMessage() + ")");
        }
        byte[] json = entries.remove(STATE);
        if (json == null) {
            throw new IllegalArgumentException(file + " is not a training checkpoint (no " + STATE + ")");
        }
        JsonObject state;
        try {
            state = GSON.fromJson(new String(json, StandardCharsets.UTF_8), JsonObject.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("Checkpoint " + file + " has an unreadable " + STATE + ": " + e.getMessage());
        }
        if (!FORMAT.equals(state.has("format") ? state.get("format").getAsString() : null)) {
            throw new IllegalArgumentException(file + " is not a training checkpoint");
        }
        int version = state.get("version").getAsInt();
        if (version > VERSION) {
            throw new IllegalArgumentException("Checkpoint " + file + " was written by a newer version (format " + version
                    + "); update DeepSplines to resume it.");
        }
        return new Checkpoint(state, entries);
    }
}
