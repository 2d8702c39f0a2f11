package org.deepsplines.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry point. Each task registers one picocli sub-command here; the sub-commands are
 * thin wrappers over the library packages so that the CLI, macros and Fiji menus share one code path.
 */
@Command(
        name = "deepsplines",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deep spline networks (learned linear-spline activations) for imaging inverse problems.",
        subcommands = {
            CommandLine.HelpCommand.class,
            TrainDenoiserCommand.class,
            DenoiseCommand.class,
            EvaluateCommand.class,
            DemoCommand.class,
            ExportModelCommand.class,
            ModelInfoCommand.class,
            SimulateMriCommand.class,
            TrainMriCommand.class,
            ReconstructMriCommand.class,
            EvaluateMriCommand.class,
            BenchCommand.class,
            ConformanceCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (used by tests, which must not call System.exit). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
