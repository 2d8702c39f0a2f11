package org.deepsplines.train;

import java.util.Locale;

/** How the learning rate evolves over training; all schedules start from the base rate. */
public enum LearningRateSchedule {
    /** Fixed rate. */
    CONSTANT,
    /** Cosine decay from the base rate to 1% of it at the last step. */
    COSINE,
    /** Divide by 10 at 50% and again at 80% of the steps. */
    STEP;

    public static LearningRateSchedule parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown learning-rate schedule '" + s + "'. Use constant, cosine or step.");
        }
    }

    /** Multiplier of the base rate at {@code step} (1-based) of {@code total}. */
    public double factor(long step, long total) {
        double p = total <= 1 ? 1.0 : (double) (step - 1) / (total - 1);
        switch (this) {
            case COSINE:
                return 0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * p));
            case STEP:
                return p < 0.5 ? 1.0 : p < 0.8 ? 0.1 : 0.01;
            default:
                return 1.0;
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
