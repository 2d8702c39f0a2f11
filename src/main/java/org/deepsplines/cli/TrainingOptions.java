package org.deepsplines.cli;

import org.deepsplines.train.LearningRateSchedule;
import org.deepsplines.train.TrainingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Optimisation options shared by the training commands. */
final class TrainingOptions {
    @Option(names = "--steps", defaultValue = "3000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch", defaultValue = "16", description = "Patches per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate of the weights (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--spline-lr", defaultValue = "1e-3",
            description = "Adam learning rate of the spline coefficients (default: ${DEFAULT-VALUE}).")
    float splineLr;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay on weights only (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--tv2", defaultValue = "1e-6", description = "λ of the TV(2) spline regulariser (default: ${DEFAULT-VALUE}).")
    float tv2;

    @Option(names = "--schedule", defaultValue = "cosine", description = "Learning-rate schedule: constant, cosine, step (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed: same seed, same model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--validate-every", defaultValue = "250", description = "Validation interval in steps (default: ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Checkpoint interval in steps, 0 = only on cancel (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op CPU threads, 0 = engine default.")
    int threads;

    @Spec(Spec.Target.MIXEE) CommandSpec command;

    /** {@code --steps} when given on the command line, else null (a resumed run then keeps its own total). */
    Long stepsIfGiven() {
        return command.commandLine().getParseResult().hasMatchedOption("--steps") ? steps : null;
    }

    TrainingConfig toConfig() {
        return TrainingConfig.builder().steps(steps).batchSize(batch).learningRate(lr).splineLearningRate(splineLr)
                .weightDecay(weightDecay).tv2Lambda(tv2).schedule(LearningRateSchedule.parse(schedule)).seed(seed)
                .validateEvery(validateEvery).checkpointEvery(checkpointEvery).logEvery(Math.max(1, Math.min(50, validateEvery)))
                .threads(threads).build();
    }
}
