package org.deepsplines.train;

import com.google.gson.JsonObject;

/** Optimisation settings shared by every task (denoising, MRI). Immutable; build with {@link #builder()}. */
public final class TrainingConfig {
    private final long steps;
    private final int batchSize;
    private final float learningRate;
    private final float splineLearningRate;
    private final float weightDecay;
    private final float tv2Lambda;
    private final LearningRateSchedule schedule;
    private final long seed;
    private final int validateEvery;
    private final int checkpointEvery;
    private final int logEvery;
    private final int threads;

    private TrainingConfig(Builder b) {
        steps = b.steps;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        splineLearningRate = b.splineLearningRate;
        weightDecay = b.weightDecay;
        tv2Lambda = b.tv2Lambda;
        schedule = b.schedule;
        seed = b.seed;
        validateEvery = b.validateEvery;
        checkpointEvery = b.checkpointEvery;
        logEvery = b.logEvery;
        threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long steps() { return steps; }
    public int batchSize() { return batchSize; }
    /** Adam learning rate of convolution weights and biases. */
    public float learningRate() { return learningRate; }
    /** Adam learning rate of spline coefficients (their own optimiser, as in the reference). */
    public float splineLearningRate() { return splineLearningRate; }
    /** L2 weight decay, applied to convolution/linear weights only (not biases, not splines). */
    public float weightDecay() { return weightDecay; }
    /** Weight λ of the TV(2) regulariser summed over all spline activations. */
    public float tv2Lambda() { return tv2Lambda; }
    public LearningRateSchedule schedule() { return schedule; }
    public long seed() { return seed; }
    public int validateEvery() { return validateEvery; }
    /** Write a checkpoint every this many steps (0: never). */
    public int checkpointEvery() { return checkpointEvery; }
    public int logEvery() { return logEvery; }
    /** Intra-op threads (0: leave the engine's default). */
    public int threads() { return threads; }

    /** The same settings with another total number of steps (e.g. to end a resumed run early). */
    public TrainingConfig withSteps(long total) {
        JsonObject o = toJson();
        o.addProperty("steps", total);
        return fromJson(o);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("steps", steps);
        o.addProperty("batch_size", batchSize);
        o.addProperty("learning_rate", learningRate);
        o.addProperty("spline_learning_rate", splineLearningRate);
        o.addProperty("weight_decay", weightDecay);
        o.addProperty("tv2_lambda", tv2Lambda);
        o.addProperty("schedule", schedule.id());
        o.addProperty("seed", seed);
        o.addProperty("validate_every", validateEvery);
        o.addProperty("checkpoint_every", checkpointEvery);
        o.addProperty("log_every", logEvery);
        o.addProperty("threads", threads);
        return o;
    }

    public static TrainingConfig fromJson(JsonObject o) {
        Builder b = builder();
        b.steps(o.get("steps").getAsLong())
                .batchSize(o.get("batch_size").getAsInt())
                .learningRate(o.get("learning_rate").getAsFloat())
                .splineLearningRate(o.get("spline_learning_rate").getAsFloat())
                .weightDecay(o.get("weight_decay").getAsFloat())
                .tv2Lambda(o.get("tv2_lambda").getAsFloat())
                .schedule(LearningRateSchedule.parse(o.get("schedule").getAsString()))
                .seed(o.get("seed").getAsLong())
                .validateEvery(o.get("validate_every").getAsInt())
                .checkpointEvery(o.get("checkpoint_every").getAsInt())
                .logEvery(o.get("log_every").getAsInt());
        if (o.has("threads")) {
            b.threads(o.get("threads").getAsInt());
        }
        return b.build();
    }

    /** Builder; defaults suit a small spline denoiser trained on a CPU. */
    public static final class Builder {
        private long steps = 2000;
        private int batchSize = 16;
        private float learningRate = 1e-3f;
        private float splineLearningRate = 1e-3f;
        private float weightDecay = 0f;
        private float tv2Lambda = 1e-6f;
        private LearningRateSchedule schedule = LearningRateSchedule.COSINE;
        private long seed = 1;
        private int validateEvery = 200;
        private int checkpointEvery = 0;
        private int logEvery = 20;
        private int threads = 0;

        public Builder steps(long v) { steps = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder learningRate(float v) { learningRate = v; return this; }
        public Builder splineLearningRate(float v) { splineLearningRate = v; return this; }
        public Builder weightDecay(float v) { weightDecay = v; return this; }
        public Builder tv2Lambda(float v) { tv2Lambda = v; return this; }
        public Builder schedule(LearningRateSchedule v) { schedule = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder validateEvery(int v) { validateEvery = v; return this; }
        public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }
        public Builder logEvery(int v) { logEvery = v; return this; }
        public Builder threads(int v) { threads = v; return this; }

        public TrainingConfig build() {
            require(steps >= 1, "steps must be at least 1 (got " + steps + ")");
            require(batchSize >= 1, "batch size must be at least 1 (got " + batchSize + ")");
            require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be positive (got " + learningRate + ")");
            require(splineLearningRate > 0 && Float.isFinite(splineLearningRate),
                    "spline learning rate must be positive (got " + splineLearningRate + ")");
            require(weightDecay >= 0, "weight decay must be ≥ 0 (got " + weightDecay + ")");
            require(tv2Lambda >= 0, "TV2 λ must be ≥ 0 (got " + tv2Lambda + ")");
            require(validateEvery >= 1, "validation interval must be at least 1 step (got " + validateEvery + ")");
            require(checkpointEvery >= 0, "checkpoint interval must be ≥ 0 (got " + checkpointEvery + ")");
            require(logEvery >= 1, "log interval must be at least 1 (got " + logEvery + ")");
            require(threads >= 0, "threads must be ≥ 0 (got " + threads + ")");
            return new TrainingConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
