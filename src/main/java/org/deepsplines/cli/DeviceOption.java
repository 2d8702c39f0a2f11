package org.deepsplines.cli;

import org.deepsplines.nn.DeviceSelection;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu} of the commands that run a network. */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    /**
     * Resolves the choice and prints which device and engine really run: on stderr when a GPU was asked for
     * but the CPU runs, so that it cannot go unnoticed.
     */
    DeviceSelection select() {
        DeviceSelection where = DeviceSelection.resolve(device);
        (where.fellBackToCpu() ? System.err : System.out).println(where.describe());
        return where;
    }
}
