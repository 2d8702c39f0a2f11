package org.deepsplines.train;

/** Receives progress during training (on the training thread: keep it quick). */
public interface TrainingListener {
    /** Called every log interval and after each validation. */
    void onProgress(TrainingProgress progress);

    /** Called after a checkpoint file was written. */
    default void onCheckpoint(java.nio.file.Path file, long step) {}

    TrainingListener NONE = p -> {};
}
