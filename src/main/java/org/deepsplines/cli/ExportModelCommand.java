package org.deepsplines.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.model.ActivationExport;
import org.deepsplines.model.ModelExport;
import org.deepsplines.spline.SplineNetworks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export-model}: parameters + configuration for Python (NPZ or safetensors), and activation tables. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = "Export a denoiser's weights and configuration to NPZ or safetensors (names in docs/model-format.md), "
                + "and optionally every learned activation as CSV tables.")
final class ExportModelCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model file (.dsmodel); default: the bundled denoiser.")
    Path model;

    @Option(names = {"--out", "-o"}, required = true, description = "Output file: .npz or .safetensors.")
    Path out;

    @Option(names = "--activations", description = "Folder for one CSV table per learned activation (layerL_actA.csv).")
    Path activations;

    @Option(names = "--overwrite", description = "Replace existing files.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean npz = name.endsWith(".npz");
        if (!npz && !name.endsWith(".safetensors")) {
            throw new IllegalArgumentException("Output must end in .npz or .safetensors (got " + out.getFileName() + ")");
        }
        try (DenoiserModel m = model == null ? DenoiserModel.bundled() : DenoiserModel.load(model)) {
            if (npz) {
                ModelExport.writeNpz(m.block(), m.description(), out, overwrite);
            } else {
                ModelExport.writeSafetensors(m.block(), m.description(), out, overwrite);
            }
            System.out.println("Wrote " + out.toAbsolutePath());
            if (activations != null) {
                int files = ActivationExport.writeTables(SplineNetworks.find(m.block()), activations, overwrite);
                System.out.println("Wrote " + files + " activation tables to " + activations.toAbsolutePath());
            }
        }
        return 0;
    }
}
