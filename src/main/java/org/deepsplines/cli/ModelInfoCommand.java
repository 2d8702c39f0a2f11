package org.deepsplines.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.model.ModelFile;
import org.deepsplines.model.ModelNetwork;
import org.deepsplines.model.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code model-info}: the same summary as Fiji's "Model Info" (task, network, training, knots, Lipschitz). */
@Command(name = "model-info", mixinStandardHelpOptions = true,
        description = "Describe a model: task, network, parameters, training, and per layer the active knots and"
                + " Lipschitz constants of the learned activations, with the network's Lipschitz bound.")
final class ModelInfoCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Model file (.dsmodel); default: the bundled denoiser.")
    Path model;

    @Option(names = "--threshold", defaultValue = "1e-3",
            description = "A knot is active when its |slope change| exceeds this (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() throws Exception {
        ModelFile file = model == null ? DenoiserModel.bundledModelFile() : ModelFile.read(model);
        String name = DenoiserModel.displayName(model);
        try (ModelNetwork net = ModelNetwork.of(file, name, Device.cpu())) {
            System.out.print(ModelSummary.of(net, threshold < 0 ? LayerStatistics.DEFAULT_KNOT_THRESHOLD : threshold)
                    .text());
        }
        return 0;
    }
}
