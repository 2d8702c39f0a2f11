package org.deepsplines.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What every task's trainer (denoising, MRI) takes besides its data and settings: progress listener,
 * stop/cancel control, checkpoint file, the checkpoint to resume from, device and status messages; and
 * how these are handed to the generic {@link Trainer}. Setters return the concrete trainer for chaining.
 *
 * @param <S> the concrete trainer
 */
public abstract class TaskTrainer<S extends TaskTrainer<S>> {
    private TrainingListener listener = TrainingListener.NONE;
    private TrainingControl control = new TrainingControl();
    private Path checkpointFile;
    private Checkpoint resumeFrom;
    private Consumer<String> messages = s -> { };
    private Device device;

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    public S listener(TrainingListener l) {
        listener = l == null ? TrainingListener.NONE : l;
        return self();
    }

    public S control(TrainingControl c) {
        control = c;
        return self();
    }

    /** Writes checkpoints to this file (every {@link TrainingConfig#checkpointEvery()} steps and on cancel). */
    public S checkpoint(Path file) {
        checkpointFile = file;
        return self();
    }

    /** Trains on this device (null, the default: the engine's default, a GPU when the CUDA natives see one). */
    public S device(Device d) {
        device = d;
        return self();
    }

    /** Receives one-line status messages (split sizes, parameter counts, resuming, sparsity). */
    public S messages(Consumer<String> sink) {
        messages = sink;
        return self();
    }

    /**
     * The checkpoint's settings with a new total of {@code totalSteps}; a total below the step already
     * reached becomes that step, so the run ends at once and keeps the best model found so far.
     */
    protected static TrainingConfig resumedConfig(Checkpoint checkpoint, long totalSteps) {
        return checkpoint.training().withSteps(Math.max(totalSteps, checkpoint.step()));
    }

    /** Continues the run of this checkpoint (set by the task's {@code resuming} factory). */
    protected void resumeFrom(Checkpoint checkpoint) {
        resumeFrom = checkpoint;
    }

    protected void message(String text) {
        messages.accept(text);
    }

    /** A manager on the chosen device; the caller owns it. */
    protected NDManager newManager() {
        return device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
    }

    /** The generic trainer for {@code block}, wired to the listener, control, checkpoint and resume point. */
    protected Trainer newTrainer(Block block, NDManager manager, TrainingConfig training, JsonObject description,
            Validator validator) {
        Trainer trainer = new Trainer(block, manager, training).listener(listener).control(control).validator(validator);
        if (checkpointFile != null) {
            trainer.checkpoint(checkpointFile, description);
        }
        if (resumeFrom != null) {
            trainer.resumeFrom(resumeFrom);
            message("Resuming at step " + trainer.step() + " of " + training.steps());
        }
        return trainer;
    }
}
