package org.deepsplines.mri.learned;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.deepsplines.model.ModelFile;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.io.CflArray;
import org.deepsplines.nn.GradientMode;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.train.TrainingLog;

/**
 * A trained single-coil MRI reconstruction network with what is needed to apply it: the architecture
 * ({@link MriNetworkConfig}), the acquisition it was trained for ({@link MriSampling}) and the
 * normalisation ({@link MriNormalization}). Model files use the task {@value #TASK}. Owns its tensors;
 * close it.
 */
public final class MriReconstructionModel implements AutoCloseable {
    /** Task identifier in model files. */
    public static final String TASK = "mri-reconstruction";
    /** Settings ({@link MriSampling#settingName()}) for which a pretrained model ships in the jar. */
    public static final List<String> BUNDLED_SETTINGS = List.of("cartesian-4x");

    private final NDManager manager;
    private final Block block;
    private final MriNetworkConfig network;
    private final MriSampling sampling;
    private final JsonObject description;
    private final TrainingLog log;

    MriReconstructionModel(NDManager manager, Block block, MriNetworkConfig network, MriSampling sampling,
            JsonObject description, TrainingLog log) {
        this.manager = manager;
        this.block = block;
        this.network = network;
        this.sampling = sampling;
        this.description = description;
        this.log = log == null ? new TrainingLog() : log;
    }

    /** Resource path of the bundled model for a setting such as {@code cartesian-4x}. */
    public static String bundledResource(String setting) {
        return "/org/deepsplines/models/mri-" + setting + ".dsmodel";
    }

    /** Loads a model file. */
    public static MriReconstructionModel load(Path file) throws IOException {
        return fromModelFile(ModelFile.read(file), file.toString());
    }

    /** Loads a model file onto a device (null: the engine's default). */
    public static MriReconstructionModel load(Path file, Device device) throws IOException {
        return fromModelFile(ModelFile.read(file), file.toString(), device);
    }

    /**
     * The bundled model for a mask family and acceleration.
     *
     * @throws IllegalArgumentException naming the bundled settings when none matches
     */
    public static MriReconstructionModel bundled(MaskType type, double acceleration) throws IOException {
        return bundled(type, acceleration, null);
    }

    /** The bundled model for a mask family and acceleration, on a device (null: the engine's default). */
    public static MriReconstructionModel bundled(MaskType type, double acceleration, Device device) throws IOException {
        String setting = MriSampling.settingName(type, acceleration);
        if (!BUNDLED_SETTINGS.contains(setting)) {
            throw new IllegalArgumentException("no bundled MRI model for " + setting + "; bundled models exist for "
                    + String.join(", ", BUNDLED_SETTINGS) + ". Train one (train-mri, or Train MRI Reconstruction in"
                    + " Fiji) and give it as the model file");
        }
        String resource = bundledResource(setting);
        try (InputStream in = MriReconstructionModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled MRI model " + setting + " is missing from this build;"
                        + " give a model file");
            }
            return fromModelFile(ModelFile.read(in, "bundled MRI model " + setting), "bundled MRI model " + setting,
                    device);
        }
    }

    /** Rebuilds the network described by a model file and loads its weights. */
    public static MriReconstructionModel fromModelFile(ModelFile file, String name) {
        return fromModelFile(file, name, null);
    }

    /** Rebuilds the network described by a model file on a device (null: the engine's default). */
    public static MriReconstructionModel fromModelFile(ModelFile file, String name, Device device) {
        if (!TASK.equals(file.task())) {
            throw new IllegalArgumentException(name + " is a '" + file.task() + "' model, not an MRI reconstruction"
                    + " model");
        }
        JsonObject d = file.config();
        MriNetworkConfig cfg = MriNetworkConfig.fromJson(d.getAsJsonObject("network"));
        MriSampling sampling = MriSampling.fromJson(d.getAsJsonObject("sampling"));
        GradientMode.offOnThisThread();
        NDManager m = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        try {
            AbstractBlock b = cfg.build();
            initialize(b, m, 0);
            file.loadInto(b, m);
            return new MriReconstructionModel(m, b, cfg, sampling, d, file.log());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * A new model with seeded random weights (untrained), for tests, demonstrations and as a starting point.
     */
    public static MriReconstructionModel untrained(MriNetworkConfig network, MriSampling sampling, long seed) {
        NDManager m = NDManager.newBaseManager();
        try {
            AbstractBlock b = network.build();
            initialize(b, m, seed);
            JsonObject d = new JsonObject();
            d.add("network", network.toJson());
            d.add("sampling", sampling.toJson());
            d.addProperty("normalization", MriReconstructionTrainer.NORMALIZATION);
            d.addProperty("coils", 1);
            return new MriReconstructionModel(m, b, network, sampling, d, null);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Initialises a reconstruction block's parameters (shapes do not depend on the image size). */
    public static void initialize(Block block, NDManager manager, long seed) {
        Shape img = new Shape(1, 2, 8, 8);
        NetworkInitializer.initialize(block, manager, img, seed);
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

    public MriNetworkConfig network() {
        return network;
    }

    /** The acquisition the model was trained for. */
    public MriSampling sampling() {
        return sampling;
    }

    public JsonObject description() {
        return description;
    }

    public TrainingLog log() {
        return log;
    }

    /**
     * Reconstructs a single-coil image from measured k-space (centred, as {@link org.deepsplines.mri.CenteredFft2}).
     * Values off the mask are ignored. Any size works, including odd and non-power-of-two ones.
     *
     * @throws IllegalArgumentException if the mask and k-space differ in size, the mask is empty, or a sampled
     *     value is NaN/infinite
     */
    public ComplexImage reconstruct(ComplexImage kspace, SamplingMask mask) {
        MriExample ex = MriExample.measured(kspace, mask);
        return ex.denormalize(run(ex));
    }

    /**
     * Reconstructs BART data, which must hold a single coil.
     *
     * @throws IllegalArgumentException for multi-coil (or higher-dimensional) data, and as
     *     {@link #reconstruct(ComplexImage, SamplingMask)}
     */
    public ComplexImage reconstruct(CflArray data, SamplingMask mask, String name) {
        return reconstruct(singleCoil(data, name), mask);
    }

    /**
     * The single 2D k-space of BART data; these models reconstruct single-coil data only.
     *
     * @param name the data's name for the message
     * @throws IllegalArgumentException naming the coil count when there is more than one coil
     */
    public static ComplexImage singleCoil(CflArray data, String name) {
        if (data.coilCount() > 1) {
            throw new IllegalArgumentException(name + " holds " + data.coilCount() + "-coil k-space ("
                    + data.shapeString() + "), but MRI models reconstruct single-coil data; combine the coils into"
                    + " one (for example coil compression to one virtual coil) or pass a single coil");
        }
        return data.image();
    }

    /** Runs the network on one normalised example; returns the normalised {@code (2, H, W)} output. */
    public float[] run(MriExample example) {
        try (NDManager sm = manager.newSubManager()) {
            NDList in = MriBatches.toArrays(List.of(example), sm);
            NDArray out = block.forward(new ParameterStore(sm, false), in, false).singletonOrThrow();
            float[] v = out.toFloatArray();
            for (float f : v) {
                if (!Float.isFinite(f)) {
                    throw new IllegalStateException("the network produced NaN/infinite values; the model file may be"
                            + " damaged or the input far outside what it was trained on");
                }
            }
            return v;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
