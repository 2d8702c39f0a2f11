package org.deepsplines.train;

import java.nio.file.Path;

/** Thrown when training was cancelled; names the last checkpoint from which it can be resumed. */
public final class TrainingCancelledException extends RuntimeException {
    private final transient Path checkpoint;
    private final long step;

    public TrainingCancelledException(long step, Path checkpoint) {
        super("Training cancelled at step " + step
                + (checkpoint == null ? "; no checkpoint was written (set a checkpoint interval to be able to resume)."
                        : "; resume from the checkpoint " + checkpoint));
        this.step = step;
        this.checkpoint = checkpoint;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    public long step() {
        return step;
    }
}
