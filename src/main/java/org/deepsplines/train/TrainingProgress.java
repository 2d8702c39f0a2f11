package org.deepsplines.train;

/**
 * A snapshot of training for progress displays.
 *
 * @param step current step (1-based)
 * @param totalSteps steps planned
 * @param loss smoothed training loss (data term)
 * @param validation last validation score (NaN before the first)
 * @param bestValidation best validation score so far (NaN before the first)
 * @param learningRate current learning rate of the weights
 * @param elapsedSeconds wall time since this run started
 * @param etaSeconds estimated time to finish
 */
public record TrainingProgress(long step, long totalSteps, double loss, double validation, double bestValidation,
        double learningRate, double elapsedSeconds, double etaSeconds) {

    public double fractionDone() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }

    /** One human-readable line, e.g. for a log or status bar; the validation part once there is a score. */
    public String describe() {
        String val = Double.isNaN(validation) ? "val not yet"
                : String.format(java.util.Locale.ROOT, "val %.2f dB (best %.2f)", validation, bestValidation);
        return String.format(java.util.Locale.ROOT, "step %d/%d  loss %.3g  %s  ETA %s",
                step, totalSteps, loss, val, formatDuration(etaSeconds));
    }

    public static String formatDuration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
