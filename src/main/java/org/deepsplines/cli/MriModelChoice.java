package org.deepsplines.cli;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriSampling;

/** Picks the MRI model of a command: a file, or the bundled model for the acquisition setting. */
final class MriModelChoice {
    private MriModelChoice() {
    }

    static MriReconstructionModel open(Path file, MaskType type, double acceleration) throws IOException {
        return open(file, type, acceleration, null);
    }

    /** As {@link #open(Path, MaskType, double)}, on a device (null: the engine's default). */
    static MriReconstructionModel open(Path file, MaskType type, double acceleration, Device device) throws IOException {
        return file == null ? MriReconstructionModel.bundled(type, acceleration, device)
                : MriReconstructionModel.load(file, device);
    }

    /** Notes on stderr when a model is applied to another acquisition than it was trained for. */
    static void warnIfMismatched(MriReconstructionModel model, MaskType type, double acceleration, PrintStream err) {
        MriSampling s = model.sampling();
        if (s.maskType() != type || Math.abs(s.acceleration() - acceleration) > 1e-9) {
            err.println(String.format(Locale.ROOT, "note: the model was trained for %s, applied here to %s",
                    s.settingName(), MriSampling.settingName(type, acceleration)));
        }
    }
}
