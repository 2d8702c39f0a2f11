package org.deepsplines.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench}: groups the timing benchmarks; each benchmark is a sub-command printing one JSON line.
 * Add a benchmark by adding its command class to {@code subcommands}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Timing benchmarks; each prints one JSON line.",
        subcommands = {
            BenchActivationCommand.class,
            BenchDncnnCommand.class,
            BenchQualityCommand.class,
        })
final class BenchCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing benchmark name; use e.g. 'bench activation' (see 'bench --help')");
    }
}
