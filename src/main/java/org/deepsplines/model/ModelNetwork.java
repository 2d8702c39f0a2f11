package org.deepsplines.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.deepsplines.nn.DnCnn;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.GradientMode;
import org.deepsplines.nn.NetworkInitializer;
import org.deepsplines.spline.LearnedActivation;
import org.deepsplines.spline.SplineNetworks;

/**
 * The network of any model file, loaded for inspection or editing whatever its task: its learned
 * activations, parameters and description. Owns its tensors; close it.
 */
public final class ModelNetwork implements AutoCloseable {
    private final ModelFile file;
    private final String name;
    private final Block block;
    private final NDManager manager;
    private final NetworkArchitecture architecture;

    private ModelNetwork(ModelFile file, String name, Block block, NDManager manager, NetworkArchitecture architecture) {
        this.file = file;
        this.architecture = architecture;
        this.name = name;
        this.block = block;
        this.manager = manager;
    }

    /** Reads and loads a model file on the CPU. */
    public static ModelNetwork load(Path path) throws IOException {
        return of(ModelFile.read(path), String.valueOf(path.getFileName()), Device.cpu());
    }

    /**
     * Builds the network described in {@code file} and loads its parameters.
     *
     * @param name used in messages (e.g. the file name)
     * @param device where the tensors live; null for the engine's default
     * @throws IllegalArgumentException when the description names a network type this version cannot build
     */
    public static ModelNetwork of(ModelFile file, String name, Device device) {
        NetworkArchitecture builder = architectureFor(file.task(), file.config(), name);
        GradientMode.offOnThisThread();
        NDManager m = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        try {
            Block b = builder.create(file.config(), m);
            file.loadInto(b, m);
            return new ModelNetwork(file, name, b, m, builder);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    static NetworkArchitecture architectureFor(String task, JsonObject description, String name) {
        DnCnnArchitecture dncnn = new DnCnnArchitecture();
        if (dncnn.handles(task, description)) {
            return dncnn;
        }
        for (NetworkArchitecture a : ServiceLoader.load(NetworkArchitecture.class)) {
            if (a.handles(task, description)) {
                return a;
            }
        }
        throw new IllegalArgumentException(name + " (task '" + task + "') describes a network that this version of"
                + " DeepSplines cannot build. Update the plugin to open it.");
    }

    /** The residual DnCNN of the denoisers: {@code "architecture": {"type": "dncnn", ...}}. */
    static final class DnCnnArchitecture implements NetworkArchitecture {
        static final String TYPE = "dncnn";

        @Override
        public boolean handles(String task, JsonObject description) {
            JsonObject arch = description.getAsJsonObject("architecture");
            return arch != null && (!arch.has("type") || TYPE.equals(arch.get("type").getAsString()));
        }

        @Override
        public Block create(JsonObject description, NDManager manager) {
            DnCnnConfig cfg = DnCnnConfig.fromJson(description.getAsJsonObject("architecture"));
            Block b = DnCnn.build(cfg);
            NetworkInitializer.initialize(b, manager, DnCnn.initShape(cfg, 16), 0);
            return b;
        }
    }

    public ModelFile file() {
        return file;
    }

    /** The name given when loading (typically the file name). */
    public String name() {
        return name;
    }

    public String task() {
        return file.task();
    }

    public Block block() {
        return block;
    }

    /** A readable line about the network from its task's architecture, or null when it has none. */
    public String describeNetwork() {
        return architecture.describe(file.config());
    }

    /** Every learned activation layer, input to output. */
    public List<LearnedActivation> activations() {
        return SplineNetworks.find(block);
    }

    /**
     * The network's current parameters (e.g. after sparsification) as a model file with the same
     * description plus {@code extra} entries.
     *
     * @param extra properties added to (or replacing those of) the description; may be null
     */
    public ModelFile toModelFile(JsonObject extra) {
        JsonObject d = file.config().deepCopy();
        if (extra != null) {
            for (String k : extra.keySet()) {
                d.add(k, extra.get(k));
            }
        }
        return ModelFile.of(file.task(), d, block, file.log());
    }

    @Override
    public void close() {
        manager.close();
    }
}
