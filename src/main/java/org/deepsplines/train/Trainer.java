package org.deepsplines.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepsplines.nn.GradientMode;
import org.deepsplines.spline.SplineNetworks;

/**
 * The training loop shared by all tasks: Adam on weights (with weight decay) and a separate Adam on
 * spline coefficients, λ·TV(2) added to the loss, a learning-rate schedule, periodic validation keeping
 * the best parameters, checkpoints, progress and cancellation.
 *
 * <p>Each step runs in its own {@link NDManager} so every temporary tensor is freed, and gradients are
 * reset after every update because PyTorch accumulates them.
 */
public final class Trainer {
    private final Block block;
    private final NDManager manager;
    private final TrainingConfig config;
    private final Map<ParameterGroup, AdamOptimizer> optimizers = new EnumMap<>(ParameterGroup.class);
    private Validator validator;
    private TrainingListener listener = TrainingListener.NONE;
    private TrainingControl control = new TrainingControl();
    private Loss loss = Loss.MSE;
    private Path checkpointFile;
    private JsonObject modelDescription = new JsonObject();

    private long step;
    private TrainingLog log = new TrainingLog();
    private double bestScore = Double.NaN;
    private long bestStep;
    private byte[] bestParameters;
    private double secondsBefore;
    private long runStart = System.nanoTime();

    /**
     * @param block an initialised network
     * @param manager manager owning the network's parameters; optimiser state is created under it
     */
    public Trainer(Block block, NDManager manager, TrainingConfig config) {
        this.block = block;
        this.manager = manager;
        this.config = config;
        optimizers.put(ParameterGroup.WEIGHTS, new AdamOptimizer(manager, config.weightDecay()));
        optimizers.put(ParameterGroup.OTHER, new AdamOptimizer(manager, 0f));
        optimizers.put(ParameterGroup.SPLINES, new AdamOptimizer(manager, 0f));
    }

    public Trainer validator(Validator v) {
        validator = v;
        return this;
    }

    public Trainer listener(TrainingListener l) {
        listener = l == null ? TrainingListener.NONE : l;
        return this;
    }

    public Trainer control(TrainingControl c) {
        control = c == null ? new TrainingControl() : c;
        return this;
    }

    public Trainer loss(Loss l) {
        loss = l;
        return this;
    }

    /** Writes checkpoints to {@code file}, embedding {@code model} so a resume can rebuild the network. */
    public Trainer checkpoint(Path file, JsonObject model) {
        checkpointFile = file;
        modelDescription = model == null ? new JsonObject() : model;
        return this;
    }

    /** Restores parameters, optimiser moments, step, best model and log from a checkpoint. */
    public Trainer resumeFrom(Checkpoint cp) {
        JsonObject s = cp.state();
        step = s.get("step").getAsLong();
        bestStep = s.get("best_step").getAsLong();
        bestScore = s.has("best_score") ? s.get("best_score").getAsDouble() : Double.NaN;
        secondsBefore = s.get("seconds").getAsDouble();
        log = TrainingLog.fromJson(s.getAsJsonArray("log"));
        loadParameters(cp.blob(Checkpoint.WEIGHTS));
        bestParameters = cp.blobs().containsKey(Checkpoint.BEST) ? cp.blob(Checkpoint.BEST) : null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(cp.blob(Checkpoint.OPTIMIZER)))) {
            for (ParameterGroup g : ParameterGroup.values()) {
                optimizers.get(g).load(in);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Checkpoint optimiser state is damaged: " + e.getMessage());
        }
        return this;
    }

    public long step() {
        return step;
    }

    /** Trains until the configured number of steps, a stop request, or a cancel. */
    public TrainingResult train(BatchSource source) {
        if (config.threads() > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.threads()));
        }
        Engine engine = Engine.getInstance();
        // Parameter updates are in-place edits: autograd must be off on whichever thread trains.
        GradientMode.offOnThisThread();
        ParameterStore store = new ParameterStore(manager, false);
        List<Pair<String, Parameter>> trainable = trainableParameters();
        long start = System.nanoTime();
        runStart = start;
        long firstStep = step;
        double smoothLoss = Double.NaN;
        double lastValidation = Double.NaN;
        boolean stopped = false;
        while (step < config.steps()) {
            if (control.isCancelled()) {
                Path cp = writeCheckpointIfConfigured();
                throw new TrainingCancelledException(step, cp);
            }
            if (control.isStopRequested()) {
                stopped = true;
                break;
            }
            step++;
            double lrFactor = config.schedule().factor(step, config.steps());
            double dataLoss;
            try (NDManager sm = manager.newSubManager()) {
                Batch batch = source.batch(step, sm);
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDArray pred = block.forward(store, batch.inputs(), true).singletonOrThrow();
                    NDArray data = loss.compute(pred, batch.target());
                    NDArray total = data;
                    if (config.tv2Lambda() > 0) {
                        total = data.add(SplineNetworks.totalTv2(block, sm).mul(EngineScalars.of(sm, config.tv2Lambda())));
                    }
                    gc.backward(total);
                    dataLoss = data.getFloat();
                }
                if (!Double.isFinite(dataLoss)) {
                    throw new IllegalStateException("Training diverged at step " + step + " (loss " + dataLoss
                            + diagnose(batch, trainable) + "). Lower the learning rate, or check the training images"
                            + " for NaN/Inf pixels.");
                }
                applyUpdates(trainable, lrFactor, sm);
            }
            SplineNetworks.applyConstraints(block);
            smoothLoss = Double.isNaN(smoothLoss) ? dataLoss : 0.9 * smoothLoss + 0.1 * dataLoss;

            boolean validate = validator != null && (step % config.validateEvery() == 0 || step == config.steps());
            if (validate) {
                lastValidation = validator.score(block, store);
                if (Double.isNaN(bestScore) || lastValidation > bestScore) {
                    bestScore = lastValidation;
                    bestStep = step;
                    bestParameters = saveParameters();
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (validate || step % config.logEvery() == 0 || step == config.steps()) {
                double lr = config.learningRate() * lrFactor;
                double perStep = elapsed / (step - firstStep);
                log.add(new TrainingLog.Entry(step, smoothLoss, validate ? lastValidation : Double.NaN, lr,
                        secondsBefore + elapsed));
                listener.onProgress(new TrainingProgress(step, config.steps(), smoothLoss, lastValidation, bestScore,
                        lr, secondsBefore + elapsed, perStep * (config.steps() - step)));
            }
            if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                writeCheckpointIfConfigured();
            }
        }
        double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
        if (bestParameters != null) {
            loadParameters(bestParameters);
        }
        return new TrainingResult(step, bestStep, bestScore, seconds, stopped, log);
    }

    private void applyUpdates(List<Pair<String, Parameter>> trainable, double lrFactor, NDManager sm) {
        for (AdamOptimizer o : optimizers.values()) {
            o.beginStep();
        }
        for (Pair<String, Parameter> p : trainable) {
            Parameter param = p.getValue();
            ParameterGroup group = ParameterGroup.of(param);
            float base = group == ParameterGroup.SPLINES ? config.splineLearningRate() : config.learningRate();
            NDArray w = param.getArray();
            NDArray g = w.getGradient();
            g.attach(sm);
            optimizers.get(group).update(p.getKey(), w, g, (float) (base * lrFactor));
            Gradients.zero(w);
        }
    }

    /** Names what is not finite when the loss is, to tell bad data from an unstable optimisation. */
    private static String diagnose(Batch batch, List<Pair<String, Parameter>> params) {
        StringBuilder b = new StringBuilder();
        boolean finite = allFinite(batch.target());
        for (NDArray in : batch.inputs()) {
            finite &= allFinite(in);
        }
        if (!finite) {
            b.append("; the batch itself contains NaN/Inf");
        }
        for (Pair<String, Parameter> p : params) {
            if (!allFinite(p.getValue().getArray())) {
                b.append("; parameter ").append(p.getKey()).append(" is not finite");
                break;
            }
        }
        return b.toString();
    }

    private static boolean allFinite(NDArray a) {
        for (float v : a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray()) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private List<Pair<String, Parameter>> trainableParameters() {
        List<Pair<String, Parameter>> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p);
            }
        }
        return out;
    }

    private Path writeCheckpointIfConfigured() {
        if (checkpointFile == null) {
            return null;
        }
        JsonObject s = new JsonObject();
        s.addProperty("format", Checkpoint.FORMAT);
        s.addProperty("version", Checkpoint.VERSION);
        s.addProperty("step", step);
        s.addProperty("best_step", bestStep);
        if (!Double.isNaN(bestScore)) {
            s.addProperty("best_score", bestScore);
        }
        s.addProperty("seconds", secondsBefore + (System.nanoTime() - runStart) / 1e9);
        s.add("model", modelDescription);
        s.add("training", config.toJson());
        s.add("log", log.toJson());
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        blobs.put(Checkpoint.WEIGHTS, saveParameters());
        if (bestParameters != null) {
            blobs.put(Checkpoint.BEST, bestParameters);
        }
        ByteArrayOutputStream opt = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(opt)) {
            for (ParameterGroup g : ParameterGroup.values()) {
                optimizers.get(g).save(out);
            }
            blobs.put(Checkpoint.OPTIMIZER, opt.toByteArray());
            new Checkpoint(s, blobs).write(checkpointFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write checkpoint " + checkpointFile + ": " + e.getMessage(), e);
        }
        listener.onCheckpoint(checkpointFile, step);
        return checkpointFile;
    }

    private byte[] saveParameters() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    private void loadParameters(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            block.loadParameters(manager, in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalArgumentException("Stored parameters do not fit this network: " + e.getMessage(), e);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }
}
