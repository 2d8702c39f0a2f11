package org.deepsplines.fiji;

import ai.djl.pytorch.jni.JniUtils;
import java.awt.Window;
import java.nio.file.Path;
import org.deepsplines.fiji.ui.TrainingMonitor;
import org.deepsplines.train.TrainingControl;
import org.deepsplines.train.TrainingListener;
import org.deepsplines.train.TrainingProgress;

/**
 * What a training command shows while it runs: status-bar progress and a log line per validation always,
 * plus, when there is a display, the monitor window with live curves and Stop / Cancel buttons.
 */
final class TrainingFeedback implements TrainingListener {
    private final StatusProgress status;
    private final TrainingMonitor monitor;

    private TrainingFeedback(StatusProgress status, TrainingMonitor monitor) {
        this.status = status;
        this.monitor = monitor;
    }

    /** Opens the feedback of one run; the monitor (with a display only) drives {@code control}. */
    static TrainingFeedback open(UserLog log, TrainingControl control, String title, int validateEvery) {
        TrainingMonitor m = Gui.available() ? TrainingMonitor.open(title, control, validateEvery) : null;
        return new TrainingFeedback(new StatusProgress(log, validateEvery), m);
    }

    /**
     * Sets the engine's CPU threads. In Fiji the engine usually runs already, so its thread-count property
     * would come too late.
     */
    static void useThreads(int threads) {
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
    }

    @Override
    public void onProgress(TrainingProgress p) {
        status.onProgress(p);
        if (monitor != null) {
            monitor.onProgress(p);
        }
    }

    @Override
    public void onCheckpoint(Path file, long step) {
        status.onCheckpoint(file, step);
    }

    /** Shows the outcome in the monitor (no-op when headless). */
    void finished(String message) {
        if (monitor != null) {
            monitor.finished(message);
        }
    }

    /** The monitor window, or null when headless. */
    Window window() {
        return monitor == null ? null : monitor.window();
    }

    /** The monitor, or null when headless. */
    TrainingMonitor monitor() {
        return monitor;
    }
}
