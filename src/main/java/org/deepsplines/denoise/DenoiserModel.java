package org.deepsplines.denoise;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.Normalization;
import org.deepsplines.data.TiledInference;
import org.deepsplines.model.ModelFile;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.GradientMode;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.train.TrainingLog;

/**
 * A denoising network ready for inference, with what it needs to apply it correctly: architecture,
 * normalisation recipe and the noise levels it was trained for. Owns its tensors; close it.
 */
public final class DenoiserModel implements AutoCloseable {
    public static final String TASK = "denoise";
    /** Resource path of the pretrained blind grayscale denoiser shipped in the jar. */
    public static final String BUNDLED_RESOURCE = "/org/deepsplines/models/denoiser-blind-gray.dsmodel";

    private final NDManager manager;
    private final Block block;
    private final DnCnnConfig architecture;
    private final JsonObject description;
    private final TrainingLog log;

    DenoiserModel(NDManager manager, Block block, DnCnnConfig architecture, JsonObject description, TrainingLog log) {
        this.manager = manager;
        this.block = block;
        this.architecture = architecture;
        this.description = description;
        this.log = log;
    }

    /** Loads a model file written by {@link #save}. */
    public static DenoiserModel load(Path file) throws IOException {
        return load(file, null);
    }

    /**
     * Loads a model file onto a device.
     *
     * @param device where the network runs; null for the engine's default
     */
    public static DenoiserModel load(Path file, Device device) throws IOException {
        return fromModelFile(ModelFile.read(file), file.toString(), device);
    }

    /** The pretrained blind grayscale denoiser (σ 0–50) shipped with the plugin. */
    public static DenoiserModel bundled() throws IOException {
        return bundled(null);
    }

    /**
     * The bundled denoiser on a device.
     *
     * @param device where the network runs; null for the engine's default
     */
    public static DenoiserModel bundled(Device device) throws IOException {
        return fromModelFile(bundledModelFile(), "bundled denoiser", device);
    }

    /** The bundled denoiser's model file (e.g. to inspect or export it). */
    public static ModelFile bundledModelFile() throws IOException {
        try (InputStream in = DenoiserModel.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled denoiser is missing from this build; pass a model file instead.");
            }
            return ModelFile.read(in, "bundled denoiser");
        }
    }

    /**
     * The model in {@code file}, or the bundled denoiser when {@code file} is null: the default every
     * front end applies when the user names no model.
     */
    public static DenoiserModel loadOrBundled(Path file, Device device) throws IOException {
        return file == null ? bundled(device) : load(file, device);
    }

    /** A short name for messages: the file name, or "bundled denoiser". */
    public static String displayName(Path fileOrNull) {
        return fileOrNull == null ? "bundled denoiser" : String.valueOf(fileOrNull.getFileName());
    }

    static DenoiserModel fromModelFile(ModelFile file, String name) {
        return fromModelFile(file, name, null);
    }

    static DenoiserModel fromModelFile(ModelFile file, String name, Device device) {
        if (!TASK.equals(file.task())) {
            throw new IllegalArgumentException(name + " is a '" + file.task() + "' model, not a denoiser.");
        }
        JsonObject d = file.config();
        DnCnnConfig arch = DnCnnConfig.fromJson(d.getAsJsonObject("architecture"));
        GradientMode.offOnThisThread();
        NDManager m = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        try {
            Block b = DnCnn.build(arch);
            NetworkInitializer.initialize(b, m, DnCnn.initShape(arch, 16), 0);
            file.loadInto(b, m);
            return new DenoiserModel(m, b, arch, d, file.log());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Saves as a model file (atomic; refuses to overwrite unless asked). */
    public void save(Path file, boolean overwrite) throws IOException {
        toModelFile().save(file, overwrite);
    }

    public ModelFile toModelFile() {
        return ModelFile.of(TASK, description, block, log);
    }

    public Block block() {
        return block;
    }

    public DnCnnConfig architecture() {
        return architecture;
    }

    public JsonObject description() {
        return description;
    }

    public TrainingLog log() {
        return log;
    }

    public NoiseRange noise() {
        return NoiseRange.fromJson(description.getAsJsonObject("noise"));
    }

    /** The normalisation this model applies to an image of the given bit depth. */
    public static Normalization normalizationFor(GrayImage image) {
        return Normalization.auto(image.bitDepth()).resolve(image.pixels());
    }

    /**
     * Denoises a 2D image, or each slice of a stack with a 2D model, or a volume with a 3D model.
     * Returns 32-bit values on the input's scale.
     */
    public GrayImage denoise(GrayImage image, DenoiseOptions options) {
        PixelChecks.requireFinite(image);
        if (architecture.spatialDims() == 3 && !image.isVolume()) {
            throw new IllegalArgumentException("This is a 3D (volumetric) model but " + image.describe()
                    + " is a single 2D image. Use a 2D model, or open the z-stack the model was trained for.");
        }
        Normalization norm = normalizationFor(image);
        float[] x = norm.normalize(image.pixels());
        int w = image.width();
        int h = image.height();
        int d = image.depth();
        float[] out;
        if (architecture.spatialDims() == 3) {
            out = tiler(options, 3).apply3D(x, 1, d, h, w, this::runTile);
        } else {
            out = new float[x.length];
            int plane = w * h;
            for (int z = 0; z < d; z++) {
                final int slice = z;
                DenoiseOptions perSlice = options.progress() == null ? options
                        : options.withProgress(f -> options.progress().accept((slice + f) / d));
                float[] in = java.util.Arrays.copyOfRange(x, z * plane, (z + 1) * plane);
                float[] res = tiler(perSlice, 2).apply2D(in, 1, h, w, this::runTile);
                System.arraycopy(res, 0, out, z * plane, plane);
            }
        }
        if (options.clip()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(1f, Math.max(0f, out[i]));
            }
        }
        norm.denormalizeInPlace(out);
        return new GrayImage(image.name(), out, w, h, d, 32);
    }

    /** Denoises already-normalised 2D pixels (values around [0, 1]). */
    public float[] denoiseNormalized(float[] pixels, int width, int height, DenoiseOptions options) {
        return tiler(options, 2).apply2D(pixels, 1, height, width, this::runTile);
    }

    private TiledInference tiler(DenoiseOptions options, int dims) {
        TiledInference t = new TiledInference(architecture.receptiveFieldRadius());
        if (options.tileSize() > 0) {
            t.tileSize(options.tileSize());
        } else {
            t.memoryBudget(options.memoryBudgetBytes(), bytesPerTilePixel());
        }
        if (options.progress() != null) {
            t.progress(options.progress());
        }
        if (options.cancelled() != null) {
            t.cancelledWhen(options.cancelled());
        }
        return t;
    }

    /** Peak inference memory per tile pixel: a few live feature maps plus the spline gather indices. */
    private double bytesPerTilePixel() {
        return architecture.width() * 4.0 * 8;
    }

    /** Runs the network on one tile (no gradients; all temporaries freed). */
    float[] runTile(float[] tile, long[] shape) {
        GradientMode.offOnThisThread();
        try (NDManager sm = manager.newSubManager()) {
            NDArray x = sm.create(tile, new Shape(shape));
            NDArray y = block.forward(new ParameterStore(sm, false), new NDList(x), false).singletonOrThrow();
            return y.toFloatArray();
        }
    }

    /** Runs the network on a batch of normalised patches of {@code shape} (N,1,P,P[,P]), in chunks. */
    float[] runBatch(float[] data, long[] shape, int chunk) {
        int count = (int) shape[0];
        int per = data.length / count;
        float[] out = new float[data.length];
        for (int start = 0; start < count; start += chunk) {
            int n = Math.min(chunk, count - start);
            long[] s = shape.clone();
            s[0] = n;
            float[] res = runTile(java.util.Arrays.copyOfRange(data, start * per, (start + n) * per), s);
            System.arraycopy(res, 0, out, start * per, res.length);
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
