package org.deepsplines.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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

    private ModelNetwork(ModelFile file, String name, Block block, NDManager manager) {
        this.file = file;
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
        JsonObject arch = file.config().getAsJsonObject("architecture");
        if (arch == null) {
            throw new IllegalArgumentException(name + " (task '" + file.task() + "') has no network description"
                    + " that this version can read.");
        }
        NetworkArchitecture builder = architectureFor(arch, name);
        GradientMode.offOnThisThread();
        NDManager m = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        try {
            Block b = builder.build(arch);
            NetworkInitializer.initialize(b, m, builder.initShape(arch), 0);
            file.loadInto(b, m);
            return new ModelNetwork(file, name, b, m);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    static NetworkArchitecture architectureFor(JsonObject arch, String name) {
        String type = arch.has("type") ? arch.get("type").getAsString() : DnCnnArchitecture.TYPE;
        if (DnCnnArchitecture.TYPE.equals(type)) {
            return new DnCnnArchitecture();
        }
        for (NetworkArchitecture a : ServiceLoader.load(NetworkArchitecture.class)) {
            if (a.type().equals(type)) {
                return a;
            }
        }
        throw new IllegalArgumentException(name + " uses a '" + type + "' network, which this version of DeepSplines"
                + " cannot build. Update the plugin to open it.");
    }

    /** The residual DnCNN every current task uses. */
    static final class DnCnnArchitecture implements NetworkArchitecture {
        static final String TYPE = "dncnn";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Block build(JsonObject architecture) {
            return DnCnn.build(DnCnnConfig.fromJson(architecture));
        }

        @Override
        public Shape initShape(JsonObject architecture) {
            return DnCnn.initShape(DnCnnConfig.fromJson(architecture), 16);
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

    /** The description's architecture object. */
    public JsonObject architecture() {
        return file.config().getAsJsonObject("architecture");
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
