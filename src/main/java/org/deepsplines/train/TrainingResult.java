package org.deepsplines.train;

/**
 * Outcome of a training run. The network holds the best-by-validation parameters afterwards.
 *
 * @param stepsDone steps completed (less than planned when stopped early)
 * @param bestStep step of the best validation score
 * @param bestValidation best validation score (NaN if no validation ran)
 * @param seconds total training time including any earlier, resumed part
 * @param stoppedEarly whether the user asked to stop before the planned number of steps
 */
public record TrainingResult(long stepsDone, long bestStep, double bestValidation, double seconds,
        boolean stoppedEarly, TrainingLog log) {}
