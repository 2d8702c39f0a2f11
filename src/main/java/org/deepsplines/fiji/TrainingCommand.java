package org.deepsplines.fiji;

import ai.djl.nn.Block;
import java.io.File;
import java.nio.file.Path;
import org.deepsplines.fiji.ui.TrainingMonitor;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.train.LearningRateSchedule;
import org.deepsplines.train.TrainingCancelledException;
import org.deepsplines.train.TrainingConfig;
import org.deepsplines.train.TrainingControl;

/**
 * Common ground of the training commands: the stop/cancel control, the live feedback of the run, the
 * optimiser settings built from the dialog's fields, and what happens at the end (the monitor says how
 * the run ended; the learned activations open beside it). The dialog fields stay in each command, in
 * the order that command's dialog shows them.
 */
abstract class TrainingCommand extends DeepSplinesCommand {
    private final TrainingControl control = new TrainingControl();
    private volatile TrainingFeedback feedback;

    /** The optimiser settings from the fields every training dialog has. */
    static TrainingConfig trainingConfig(long steps, int batch, float learningRate, float splineLearningRate, float tv2,
            String schedule, long seed, int validateEvery, int checkpointEvery, int threads) {
        return TrainingConfig.builder().steps(steps).batchSize(batch).learningRate(learningRate)
                .splineLearningRate(splineLearningRate).tv2Lambda(tv2).schedule(LearningRateSchedule.parse(schedule))
                .seed(seed).validateEvery(validateEvery).checkpointEvery(checkpointEvery)
                .logEvery(Math.max(1, Math.min(25, validateEvery))).threads(threads).build();
    }

    /** Opens the run's feedback (the monitor window when there is a display) and returns it as listener. */
    protected TrainingFeedback openFeedback(String title, int validateEvery) {
        feedback = TrainingFeedback.open(log(), control, title, validateEvery);
        return feedback;
    }

    /** A run ended with a saved model: say so, and show (and optionally save) its learned activations. */
    protected void trained(Block block, Path out, boolean showActivations, File figure, boolean overwrite)
            throws java.io.IOException {
        feedback.finished("Model saved: " + out.getFileName());
        if (showActivations) {
            FigureFiles.present(FigureFiles.render(block, String.valueOf(out.getFileName()),
                    LayerStatistics.DEFAULT_KNOT_THRESHOLD), figure, FigureFiles.nextTo(out),
                    feedback.window(), overwrite, log());
        }
    }

    /** A run was cancelled or failed: the monitor shows why (the caller rethrows). */
    protected void ended(Exception e) {
        if (feedback != null) {
            feedback.finished(e instanceof TrainingCancelledException ? e.getMessage() : "Training failed: " + e.getMessage());
        }
    }

    /** Lets a caller (a test, a script) stop or cancel the run. */
    public TrainingControl control() {
        return control;
    }

    /** The monitor window of the current run, or null when headless. */
    public TrainingMonitor monitor() {
        TrainingFeedback f = feedback;
        return f == null ? null : f.monitor();
    }
}
