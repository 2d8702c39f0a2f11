package org.deepsplines.train;

/**
 * Lets another thread (a Cancel button, a macro) end training. Cancel aborts with
 * {@link TrainingCancelledException} after the last checkpoint is safely on disk; stop ends training
 * normally and keeps the best model found so far.
 */
public final class TrainingControl {
    private volatile boolean cancel;
    private volatile boolean stop;

    public void cancel() {
        cancel = true;
    }

    public void stopAndKeepBest() {
        stop = true;
    }

    public boolean isCancelled() {
        return cancel;
    }

    public boolean isStopRequested() {
        return stop;
    }
}
