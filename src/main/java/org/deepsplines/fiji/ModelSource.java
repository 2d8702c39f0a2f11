package org.deepsplines.fiji;

import ai.djl.Device;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.model.ModelFile;
import org.deepsplines.model.ModelNetwork;

/** The model a model command works on: the file the user chose, or the bundled denoiser when none. */
final class ModelSource {
    private ModelSource() {}

    static ModelNetwork open(File file, Device device) throws IOException {
        if (file == null) {
            return ModelNetwork.of(DenoiserModel.bundledModelFile(), "bundled denoiser", device);
        }
        return ModelNetwork.of(ModelFile.read(file.toPath()), file.getName(), device);
    }

    /**
     * A file next to the model: {@code <model stem><suffix>}.
     *
     * @throws IllegalArgumentException for the bundled model, which has no folder: the user must name the file
     */
    static Path besideModel(File model, String suffix, String what) {
        if (model == null) {
            throw new IllegalArgumentException("Name the " + what + " file: the bundled model has no folder to write"
                    + " next to.");
        }
        Path p = model.toPath().toAbsolutePath();
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return p.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + suffix);
    }
}
