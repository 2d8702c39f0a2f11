package org.deepsplines.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.train.TrainingLog;

/**
 * A trained model in one zip file (see docs/model-format.md):
 * <ul>
 *   <li>{@code model.json}: format name and version, task, architecture, activation settings,
 *       normalisation, task settings (noise range, sampling), training metadata, and the SHA-256 of
 *       the weights;</li>
 *   <li>{@code weights.params}: all network parameters (DJL parameter stream);</li>
 *   <li>{@code training-log.json}: loss and validation history.</li>
 * </ul>
 * Saves are atomic; loading checks format, version and integrity and says what is wrong.
 */
public final class ModelFile {
    public static final String FORMAT = "deepsplines-model";
    /** Current format version; files with a larger version are refused with an "update" message. */
    public static final int VERSION = 1;
    static final String CONFIG_ENTRY = "model.json";
    static final String WEIGHTS_ENTRY = "weights.params";
    static final String LOG_ENTRY = "training-log.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final JsonObject config;
    private final byte[] weights;
    private final TrainingLog log;

    private ModelFile(JsonObject config, byte[] weights, TrainingLog log) {
        this.config = config;
        this.weights = weights;
        this.log = log;
    }

    /**
     * Captures a trained network.
     *
     * @param task task identifier, e.g. "denoise"
     * @param description task-specific content (architecture, normalisation, ...); copied
     */
    public static ModelFile of(String task, JsonObject description, Block block, TrainingLog log) {
        JsonObject cfg = description.deepCopy();
        cfg.addProperty("format", FORMAT);
        cfg.addProperty("format_version", VERSION);
        cfg.addProperty("task", task);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] w = buf.toByteArray();
        cfg.addProperty("weights_sha256", sha256(w));
        return new ModelFile(cfg, w, log == null ? new TrainingLog() : log);
    }

    /** The full description stored in {@code model.json}. */
    public JsonObject config() {
        return config;
    }

    public String task() {
        return config.get("task").getAsString();
    }

    public TrainingLog log() {
        return log;
    }

    /** Loads the stored parameters into a network built from this file's description. */
    public void loadInto(Block block, NDManager manager) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException("The model's weights do not match its architecture description ("
                    + e.getMessage() + "). The file may have been edited or written by an incompatible version.", e);
        }
    }

    /** Size of the stored parameter stream in bytes. */
    public int weightsBytes() {
        return weights.length;
    }

    /** Saves atomically; refuses to replace an existing file unless {@code overwrite}. */
    public void save(Path file, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, CONFIG_ENTRY, GSON.toJson(config).getBytes(StandardCharsets.UTF_8));
                put(zip, WEIGHTS_ENTRY, weights);
                put(zip, LOG_ENTRY, GSON.toJson(log.toJson()).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Reads a model file from disk. */
    public static ModelFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "model file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a model from a stream (e.g. a model bundled as a resource).
     *
     * @param name used in error messages
     */
    public static ModelFile read(InputStream stream, String name) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(stream)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                zip.transferTo(buf);
                entries.put(e.getName(), buf.toByteArray());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(damaged(name, "it is not a complete zip archive (" + e.getMessage() + ")"));
        }
        byte[] cfgBytes = entries.get(CONFIG_ENTRY);
        if (cfgBytes == null) {
            throw new IllegalArgumentException(entries.isEmpty()
                    ? damaged(name, "it is empty, truncated or not a model file")
                    : damaged(name, "it has no " + CONFIG_ENTRY));
        }
        JsonObject cfg;
        try {
            cfg = GSON.fromJson(new String(cfgBytes, StandardCharsets.UTF_8), JsonObject.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(damaged(name, CONFIG_ENTRY + " is not valid JSON (" + e.getMessage() + ")"));
        }
        if (cfg == null || !cfg.has("format") || !FORMAT.equals(cfg.get("format").getAsString())) {
            throw new IllegalArgumentException(name + " is not a DeepSplines model file.");
        }
        int version = cfg.get("format_version").getAsInt();
        if (version > VERSION) {
            throw new IllegalArgumentException(name + " uses model format version " + version
                    + ", newer than this plugin reads (" + VERSION + "). Update DeepSplines for Fiji to open it.");
        }
        byte[] w = entries.get(WEIGHTS_ENTRY);
        if (w == null) {
            throw new IllegalArgumentException(damaged(name, "the weights entry is missing"));
        }
        String expected = cfg.has("weights_sha256") ? cfg.get("weights_sha256").getAsString() : null;
        if (expected == null || !expected.equals(sha256(w))) {
            throw new IllegalArgumentException(damaged(name, "the weights fail their integrity check"));
        }
        TrainingLog log = new TrainingLog();
        byte[] logBytes = entries.get(LOG_ENTRY);
        if (logBytes != null) {
            try {
                log = TrainingLog.fromJson(GSON.fromJson(new String(logBytes, StandardCharsets.UTF_8), JsonArray.class));
            } catch (RuntimeException e) {
                // The log is informative only; a damaged log does not make the model unusable.
                log = new TrainingLog();
            }
        }
        return new ModelFile(cfg, w, log);
    }

    private static String damaged(String name, String why) {
        return "Model file " + name + " is damaged: " + why + ". Copy the file again or retrain the model.";
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
