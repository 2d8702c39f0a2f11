package org.deepsplines.cli;

import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.learned.MriSampling;
import picocli.CommandLine.Option;

/** The acquisition options shared by the MRI commands that draw masks: mask family, acceleration, centre. */
final class MaskOptions {
    @Option(names = "--accel", defaultValue = "4", paramLabel = "R",
            description = "Target acceleration R > 1 (default: ${DEFAULT-VALUE}).")
    double accel;

    @Option(names = "--mask", defaultValue = "cartesian", paramLabel = "TYPE",
            description = "cartesian (variable-density random lines), equispaced, radial (golden-angle spokes)"
                    + " or random (2D points). Default: ${DEFAULT-VALUE}.")
    String mask;

    @Option(names = "--center-fraction", paramLabel = "F",
            description = "Fully sampled central fraction (lines, or ellipse diameter for random points);"
                    + " default 0.32/R (8%% at 4x, 4%% at 8x). Ignored by radial masks.")
    Double centerFraction;

    MaskType type() {
        return MaskType.parse(mask);
    }

    /** The sampling these options describe (default phase-encode axis). */
    MriSampling sampling() {
        return new MriSampling(type(), accel, centerFraction, null);
    }
}
