package org.deepsplines.fiji;

import java.nio.file.Path;
import org.deepsplines.train.TrainingListener;
import org.deepsplines.train.TrainingProgress;

/** Training progress on the status bar, and a log line after each validation. */
final class StatusProgress implements TrainingListener {
    private final UserLog log;
    private final int validateEvery;

    StatusProgress(UserLog log, int validateEvery) {
        this.log = log;
        this.validateEvery = Math.max(1, validateEvery);
    }

    @Override
    public void onProgress(TrainingProgress p) {
        log.progress((int) Math.min(Integer.MAX_VALUE, p.step()), (int) Math.min(Integer.MAX_VALUE, p.totalSteps()),
                "DeepSplines training: " + p.describe());
        if (p.step() % validateEvery == 0 || p.step() == p.totalSteps()) {
            log.info(p.describe());
        }
    }

    @Override
    public void onCheckpoint(Path file, long step) {
        log.info("Checkpoint written at step " + step + ": " + file);
    }
}
