package org.deepsplines.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.ImageFolderReader;
import org.deepsplines.denoise.DenoiseEvaluation;
import org.deepsplines.denoise.DenoiserModel;
import org.deepsplines.denoise.DenoiserSettings;
import org.deepsplines.denoise.DenoiserTrainer;
import org.deepsplines.denoise.NoiseRange;
import org.deepsplines.nn.ActivationKind;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;
import org.deepsplines.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench quality}: trains a spline denoiser and its ReLU twin with the same budget and seed, then
 * measures both (and optionally the bundled model) on the standard test sets BSD68 and Set12 at several
 * noise levels. By default each noise level gets its own pair, trained for that σ (as DnCNN-S models
 * are); {@code --blind} trains one pair over all noise levels. Writes a Markdown table into the
 * benchmarks document and prints one JSON line.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Train a spline denoiser and its ReLU twin with the same budget and seed, evaluate them (and the bundled model) "
                + "on BSD68/Set12 at several σ, write a table into docs/benchmarks.md and print one JSON line.")
final class BenchQualityCommand implements Callable<Integer> {
    static final String START = "<!-- quality-table:start -->";
    static final String END = "<!-- quality-table:end -->";

    @Option(names = "--images", defaultValue = "sample-images/denoising/natural",
            description = "Training images (default: ${DEFAULT-VALUE}).")
    Path images;

    @Option(names = "--benchmark", defaultValue = "../shared/data/benchmark",
            description = "Folder with BSD68/ and Set12/ (default: ${DEFAULT-VALUE}); skipped when absent.")
    Path benchmark;

    @Option(names = "--sigmas", split = ",", defaultValue = "15,25,50", description = "Noise levels (default: ${DEFAULT-VALUE}).")
    List<Double> sigmas;

    @Option(names = "--depth", defaultValue = "3", description = "Twin depth (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--width", defaultValue = "32", description = "Twin width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--batch-norm", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Batch normalisation after the twins' inner convolutions (default: ${DEFAULT-VALUE}).")
    boolean batchNorm;

    @Option(names = "--blind", description = "Train one blind pair of twins (σ drawn in 0–55) and evaluate it at every σ,"
            + " instead of one pair per σ trained for that σ.")
    boolean blind;

    @Option(names = "--spline-size", defaultValue = "41", description = "Spline coefficients S of the spline twin (default: ${DEFAULT-VALUE}).")
    int splineSize;

    @Option(names = "--spline-range", defaultValue = "2", description = "Spline grid half-range R (default: ${DEFAULT-VALUE}).")
    double splineRange;

    @Option(names = "--spline-lr", defaultValue = "1e-3",
            description = "Adam learning rate of the spline coefficients (default: ${DEFAULT-VALUE}; the weights use 1e-3).")
    float splineLearningRate;

    @Option(names = "--steps", defaultValue = "2500", description = "Training steps of each twin (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch", defaultValue = "16", description = "Patches per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed shared by both twins (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bundled", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also evaluate the bundled blind denoiser (default: ${DEFAULT-VALUE}).")
    boolean bundled;

    @Option(names = "--twins", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Train and evaluate the spline/ReLU twins (default: ${DEFAULT-VALUE}).")
    boolean twins;

    @Option(names = "--table", defaultValue = "docs/benchmarks.md",
            description = "Markdown file whose quality-table section is replaced (default: ${DEFAULT-VALUE}).")
    Path table;

    /** One evaluated model: its description and PSNR per (set, σ). */
    record Row(String name, long parameters, double trainSeconds, Map<String, Double> psnr) {}

    @Override
    public Integer call() throws Exception {
        Map<String, List<GrayImage>> sets = new LinkedHashMap<>();
        for (String set : new String[] {"BSD68", "Set12"}) {
            Path dir = benchmark.resolve(set);
            if (Files.isDirectory(dir)) {
                sets.put(set, new ImageFolderReader().read(dir).images());
            } else {
                System.out.println("Skipping " + set + ": " + dir + " not found.");
            }
        }
        if (sets.isEmpty()) {
            System.out.println("{\"skipped\":\"no benchmark images found under " + benchmark + "\"}");
            return 0;
        }
        List<Row> rows = new ArrayList<>();
        if (bundled) {
            try (DenoiserModel m = DenoiserModel.bundled()) {
                double secs = m.description().getAsJsonObject("training").has("seconds")
                        ? m.description().getAsJsonObject("training").get("seconds").getAsDouble() : Double.NaN;
                rows.add(evaluate("bundled blind spline (" + m.architecture().depth() + "×" + m.architecture().width() + ")",
                        m, secs, sets, sigmas));
            }
        }
        if (twins) {
            List<GrayImage> train = new ImageFolderReader().read(images).images();
            if (blind) {
                trainTwins(train, new NoiseRange(0, 55), "blind", sigmas, sets, rows);
            } else {
                for (double sigma : sigmas) {
                    trainTwins(train, NoiseRange.fixed(sigma), "σ=" + fmt(sigma), List.of(sigma), sets, rows);
                }
            }
        }
        String md = markdown(rows, sets.keySet());
        System.out.print(md);
        if (table != null && Files.isRegularFile(table)) {
            replaceSection(table, md);
            System.out.println("Table written into " + table);
        }
        System.out.println(json(rows));
        return 0;
    }

    /** Trains the spline model and its ReLU twin on {@code noise} and evaluates both at {@code evalSigmas}. */
    private void trainTwins(List<GrayImage> train, NoiseRange noise, String noiseName, List<Double> evalSigmas,
            Map<String, List<GrayImage>> sets, List<Row> rows) {
        for (ActivationKind kind : new ActivationKind[] {ActivationKind.SPLINE, ActivationKind.RELU}) {
            ActivationSpec spec = kind == ActivationKind.SPLINE
                    ? ActivationSpec.spline(SplineConfig.builder().size(splineSize).range(splineRange).numActivations(1)
                            .init(SplineInit.LEAKY_RELU).build())
                    : ActivationSpec.of(kind);
            DnCnnConfig arch = DnCnnConfig.builder().depth(depth).width(width).batchNorm(batchNorm).activation(spec).build();
            TrainingConfig cfg = TrainingConfig.builder().steps(steps).batchSize(batch).seed(seed)
                    .splineLearningRate(splineLearningRate).validateEvery((int) Math.max(1, steps / 5)).logEvery(100).build();
            DenoiserSettings s = DenoiserSettings.defaults().withNoise(noise).withValidation(0.1, 24);
            long t0 = System.nanoTime();
            System.out.println("Training " + arch + " for " + steps + " steps, noise " + noiseName);
            try (DenoiserModel m = new DenoiserTrainer(arch, cfg, s).listener(new ConsoleProgress(System.out)).train(train)) {
                rows.add(evaluate(kind.id() + " twin (" + depth + "×" + width + (batchNorm ? ", BN" : "") + ", " + noiseName + ")",
                        m, (System.nanoTime() - t0) / 1e9, sets, evalSigmas));
            }
        }
    }

    private Row evaluate(String name, DenoiserModel m, double trainSeconds, Map<String, List<GrayImage>> sets,
            List<Double> evalSigmas) {
        Map<String, Double> psnr = new LinkedHashMap<>();
        for (Map.Entry<String, List<GrayImage>> e : sets.entrySet()) {
            for (double sigma : evalSigmas) {
                DenoiseEvaluation.Summary s = DenoiseEvaluation.run(m, e.getValue(), sigma, 0, null);
                psnr.put(e.getKey() + " σ=" + fmt(sigma), s.psnr());
                System.out.printf(Locale.ROOT, "%s  %s σ=%s: %.2f dB (SSIM %.4f)%n", name, e.getKey(), fmt(sigma), s.psnr(), s.ssim());
            }
        }
        return new Row(name, ParameterCounts.of(m.block()).total(), trainSeconds, psnr);
    }

    private String markdown(List<Row> rows, Iterable<String> setNames) {
        List<String> cols = new ArrayList<>();
        for (String set : setNames) {
            for (double s : sigmas) {
                cols.add(set + " σ=" + fmt(s));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("| model | parameters | training time |");
        cols.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append("\n|---|---|---|");
        cols.forEach(c -> b.append("---|"));
        b.append('\n');
        for (Row r : rows) {
            b.append("| ").append(r.name()).append(" | ").append(r.parameters()).append(" | ")
                    .append(Double.isFinite(r.trainSeconds()) ? String.format(Locale.ROOT, "%.0f s", r.trainSeconds()) : "–")
                    .append(" |");
            for (String c : cols) {
                Double v = r.psnr().get(c);
                b.append(v == null ? " – |" : String.format(Locale.ROOT, " %.2f |", v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String json(List<Row> rows) {
        StringBuilder b = new StringBuilder("{\"models\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append(i > 0 ? "," : "").append("{\"name\":\"").append(r.name()).append("\",\"parameters\":").append(r.parameters());
            for (Map.Entry<String, Double> e : r.psnr().entrySet()) {
                b.append(",\"").append(e.getKey().replace(" σ=", "_sigma")).append("\":")
                        .append(String.format(Locale.ROOT, "%.4f", e.getValue()));
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** Replaces the text between the two markers (appending a section when they are missing). */
    static void replaceSection(Path file, String content) throws java.io.IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int a = text.indexOf(START);
        int z = text.indexOf(END);
        String updated = a >= 0 && z > a
                ? text.substring(0, a + START.length()) + "\n" + content + text.substring(z)
                : text + "\n" + START + "\n" + content + END + "\n";
        AtomicFiles.write(file, true, o -> o.write(updated.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
