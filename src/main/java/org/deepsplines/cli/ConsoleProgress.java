package org.deepsplines.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.deepsplines.train.TrainingListener;
import org.deepsplines.train.TrainingProgress;

/** Prints training progress to the console, one line per report. */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        out.println(p.describe());
    }

    @Override
    public void onCheckpoint(Path file, long step) {
        out.println("checkpoint written at step " + step + ": " + file);
    }
}
