package org.deepsplines.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of the shared network/training options that differ for MRI reconstruction: whole slices per
 * step (small batches) and a small CNN per unrolled iteration.
 */
final class MriDefaults implements IDefaultValueProvider {
    private static final Map<String, String> VALUES = Map.of(
            "--depth", "5",
            "--width", "32",
            "--batch", "2",
            "--steps", "1000",
            "--validate-every", "50");

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return VALUES.get(o.longestName());
        }
        return null;
    }
}
