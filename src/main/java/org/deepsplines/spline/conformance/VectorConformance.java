package org.deepsplines.spline.conformance;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the spline layers against JSON test vectors produced by the PyTorch reference implementation
 * (kinds "bspline", "relu_spline", "sparsify" and "network"; any sizes and grids).
 *
 * <p>Every file holds a float64 and a float32 result set. A value passes when
 * |actual − expected| ≤ max(rtol·|expected|, atol) with rtol = 1e-9, atol = 1e-12 in float64 and
 * rtol = 1e-5, atol = 1e-6 in float32. Exceptions, following the vectors' documented caveats:
 * <ul>
 *   <li>input gradients at interior knots are skipped (either one-sided slope is valid there);</li>
 *   <li>parameter gradients, sums over many inputs, are compared relative to the array's largest
 *       magnitude;</li>
 *   <li>slope changes and the TV2/BV2 sums built from them get an absolute floor of their rounding noise
 *       in the working precision (8 ulps of the largest coefficient over T per slope change);</li>
 *   <li>the TV2 gradient is compared only where the neighbouring slope changes are clearly non-zero.</li>
 * </ul>
 */
public final class VectorConformance {

    /** float64 relative tolerance. */
    public static final double RTOL_FLOAT64 = 1e-9;
    /** float64 absolute floor. */
    public static final double ATOL_FLOAT64 = 1e-12;
    /** float32 relative tolerance. */
    public static final double RTOL_FLOAT32 = 1e-5;
    /** float32 absolute floor. */
    public static final double ATOL_FLOAT32 = 1e-6;

    private VectorConformance() {}

    /**
     * Checks every {@code *.json} file in {@code dir}, in name order.
     *
     * @throws IllegalArgumentException when the directory is missing or holds no JSON file
     */
    public static ConformanceSummary checkDirectory(Path dir) throws IOException {
        List<Path> files = vectorFiles(dir);
        List<FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(checkFile(file));
        }
        return new ConformanceSummary(reports);
    }

    /**
     * The {@code *.json} files of {@code dir}, sorted by name.
     *
     * @throws IllegalArgumentException when the directory is missing or holds no JSON file
     */
    public static List<Path> vectorFiles(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Vector directory " + dir + " does not exist or is not a directory; "
                    + "pass the folder that holds the reference *.json test vectors");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No *.json vector files in " + dir
                    + "; pass the folder that holds the reference test vectors");
        }
        return files;
    }

    /** Checks one vector file in float64 and float32; never throws for a bad file, it reports it. */
    public static FileReport checkFile(Path file) {
        String name = file.getFileName().toString();
        String kind = "?";
        Tally t64 = new Tally("float64", RTOL_FLOAT64, ATOL_FLOAT64);
        Tally t32 = new Tally("float32", RTOL_FLOAT32, ATOL_FLOAT32);
        List<String> problems = new ArrayList<>();
        try {
            JsonObject root;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = JsonParser.parseReader(reader).getAsJsonObject();
            }
            VectorData data = new VectorData(root, name);
            VectorData config = data.object("config");
            kind = config.text("kind");
            VectorData results = data.object("results");
            check(kind, config, results.object("float64"), DataType.FLOAT64, t64);
            check(kind, config, results.object("float32"), DataType.FLOAT32, t32);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot check: " + e);
        }
        problems.addAll(t64.problems());
        problems.addAll(t32.problems());
        if (t64.compared() == 0 || t32.compared() == 0) {
            problems.add("nothing compared in " + (t64.compared() == 0 ? "float64" : "float32"));
        }
        return new FileReport(name, kind, t64, t32, problems);
    }

    private static void check(String kind, VectorData config, VectorData results, DataType type, Tally tally) {
        switch (kind) {
            case "bspline":
                BSplineVectors.check(config, results, type, tally);
                break;
            case "relu_spline":
                ReluSplineVectors.check(config, results, type, tally);
                break;
            case "sparsify":
                SparsifyVectors.check(config, results, type, tally);
                break;
            case "network":
                NetworkVectors.check(config, results, type, tally);
                break;
            default:
                throw new IllegalArgumentException("unknown vector kind '" + kind
                        + "'; known kinds: bspline, relu_spline, sparsify, network");
        }
    }
}
