package org.deepsplines.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where networks run: the user's choice (auto, cpu, gpu) resolved against what the deep-learning engine
 * really offers, with one log line that says which engine and device are used. Asking for a GPU that the
 * engine cannot see falls back to the CPU with a warning that cannot be missed, rather than failing: the
 * result is the same, only slower.
 */
public final class DeviceSelection {

    /** What the user asked for. */
    public enum Choice {
        /** The GPU when the engine sees one, else the CPU. */
        AUTO,
        /** Always the CPU. */
        CPU,
        /** The first GPU; falls back to the CPU with a warning when there is none. */
        GPU;

        /** Parses "auto", "cpu" or "gpu" (case-insensitive; null or blank means auto). */
        public static Choice parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTO;
            }
            for (Choice c : values()) {
                if (c.name().equalsIgnoreCase(text.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("Unknown device '" + text + "'. Use auto, cpu or gpu.");
        }

        /** Lower-case name as used on the command line and in dialogs. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Hint appended to messages about a missing GPU. */
    static final String GPU_HELP = "see README 'GPU'";

    private final Choice requested;
    private final Device device;
    private final String message;
    private final boolean fellBack;

    private DeviceSelection(Choice requested, Device device, String message, boolean fellBack) {
        this.requested = requested;
        this.device = device;
        this.message = message;
        this.fellBack = fellBack;
    }

    /** Resolves a choice given as text ("auto", "cpu", "gpu"). */
    public static DeviceSelection resolve(String choice) {
        return resolve(Choice.parse(choice));
    }

    /** Resolves a choice against the engine (starting the engine if needed). */
    public static DeviceSelection resolve(Choice choice) {
        Engine engine = Engine.getInstance();
        return resolve(choice, engine.getEngineName() + " " + engine.getVersion(), engine.getGpuCount(),
                nativeFlavor(), nvidiaDriverPresent());
    }

    /** The decision itself, separated from the engine so every branch can be tested. */
    static DeviceSelection resolve(Choice choice, String engine, int gpuCount, String natives, boolean nvidiaDriver) {
        String prefix = "DeepSplines: " + engine + " on ";
        switch (choice) {
            case CPU:
                return new DeviceSelection(choice, Device.cpu(), prefix + "cpu (as requested"
                        + (gpuCount > 0 ? "; " + gpuCount + " CUDA device(s) available" : "") + ")", false);
            case AUTO:
                if (gpuCount > 0) {
                    return new DeviceSelection(choice, Device.gpu(), prefix + "gpu(0) (" + gpuCount
                            + " CUDA device(s) found)", false);
                }
                return new DeviceSelection(choice, Device.cpu(), prefix + "cpu (no CUDA device found"
                        + whyNoGpu(natives, nvidiaDriver) + "; " + GPU_HELP + ")", false);
            case GPU:
                if (gpuCount > 0) {
                    return new DeviceSelection(choice, Device.gpu(), prefix + "gpu(0) (as requested; " + gpuCount
                            + " CUDA device(s) found)", false);
                }
                return new DeviceSelection(choice, Device.cpu(), "WARNING: GPU requested but running on the CPU. "
                        + prefix + "cpu: no CUDA device found" + whyNoGpu(natives, nvidiaDriver)
                        + ". Computation will be much slower; " + GPU_HELP + " to install CUDA natives.", true);
            default:
                throw new AssertionError(choice);
        }
    }

    private static String whyNoGpu(String natives, boolean nvidiaDriver) {
        boolean cpuNatives = natives != null && natives.contains("cpu");
        if (nvidiaDriver && cpuNatives) {
            return "; an NVIDIA driver is installed but the PyTorch natives in use are CPU-only (" + natives + ")";
        }
        if (cpuNatives) {
            return "; PyTorch natives " + natives + " are CPU-only";
        }
        return "";
    }

    /** Name of the native library folder in use (e.g. "2.7.1-cpu-linux-x86_64"), or null if unknown. */
    static String nativeFlavor() {
        try {
            String path = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
            if (path == null) {
                return null;
            }
            Path p = Path.of(path);
            Path name = p.getFileName();
            // The path may point at the lib folder inside the cache entry.
            if (name != null && name.toString().equals("lib") && p.getParent() != null) {
                name = p.getParent().getFileName();
            }
            return name == null ? null : name.toString();
        } catch (RuntimeException | LinkageError e) {
            // Another engine, or an engine build without this method: the flavour is only a hint.
            return null;
        }
    }

    private static boolean nvidiaDriverPresent() {
        return Files.exists(Path.of("/proc/driver/nvidia/version"));
    }

    /** The device networks and tensors are placed on. */
    public Device device() {
        return device;
    }

    public Choice requested() {
        return requested;
    }

    /** Whether a GPU was asked for but the CPU is used. */
    public boolean fellBackToCpu() {
        return fellBack;
    }

    public boolean usesGpu() {
        return device.isGpu();
    }

    /**
     * The line to log, e.g. "DeepSplines: PyTorch 2.7.1 on cpu (no CUDA device found; see README 'GPU')";
     * starts with "WARNING:" when a GPU was asked for and the CPU is used.
     */
    public String describe() {
        return message;
    }

    /** A new root tensor manager on the selected device; close it. */
    public NDManager newManager() {
        return NDManager.newBaseManager(device);
    }

    @Override
    public String toString() {
        return message;
    }
}
