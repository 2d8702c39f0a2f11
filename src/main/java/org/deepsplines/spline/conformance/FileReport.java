package org.deepsplines.spline.conformance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;

/** Result of checking one vector file in both precisions. */
public final class FileReport {

    private final String name;
    private final String kind;
    private final double maxRelErrFloat64;
    private final double maxRelErrFloat32;
    private final String worstFloat64;
    private final String worstFloat32;
    private final int compared;
    private final Map<String, Integer> counts;
    private final List<String> problems;

    FileReport(String name, String kind, Tally float64, Tally float32, List<String> problems) {
        this.name = name;
        this.kind = kind;
        this.maxRelErrFloat64 = float64.maxError();
        this.maxRelErrFloat32 = float32.maxError();
        this.worstFloat64 = float64.worst();
        this.worstFloat32 = float32.worst();
        this.compared = float64.compared() + float32.compared();
        Map<String, Integer> all = new TreeMap<>();
        float64.counts().forEach((k, v) -> all.merge(k, v, Integer::sum));
        float32.counts().forEach((k, v) -> all.merge(k, v, Integer::sum));
        this.counts = Collections.unmodifiableMap(all);
        this.problems = List.copyOf(problems);
    }

    /** File name. */
    public String name() {
        return name;
    }

    /** The file's "kind" (bspline, relu_spline, sparsify, network), or "?" when unreadable. */
    public String kind() {
        return kind;
    }

    /** Whether every compared value was within tolerance and nothing went wrong. */
    public boolean ok() {
        return problems.isEmpty() && compared > 0;
    }

    /** Largest normalised float64 error (pass: ≤ 1e-9). */
    public double maxRelErrFloat64() {
        return maxRelErrFloat64;
    }

    /** Largest normalised float32 error (pass: ≤ 1e-5). */
    public double maxRelErrFloat32() {
        return maxRelErrFloat32;
    }

    /** The quantity with the largest float64 error. */
    public String worstFloat64() {
        return worstFloat64;
    }

    /** The quantity with the largest float32 error. */
    public String worstFloat32() {
        return worstFloat32;
    }

    /** Number of compared values per quantity, both precisions together. */
    public Map<String, Integer> comparedPerQuantity() {
        return counts;
    }

    /** Number of values compared. */
    public int compared() {
        return compared;
    }

    /** Descriptions of the values out of tolerance (a few per quantity) and of errors. */
    public List<String> problems() {
        return problems;
    }

    /** One line: name, ok/FAILED, the two maximum errors, and the first problem when failed. */
    public String line() {
        String line = String.format(Locale.ROOT,
                "%-52s %-6s max_rel_err_float64=%.3e (%s) max_rel_err_float32=%.3e (%s)", name,
                ok() ? "ok" : "FAILED", maxRelErrFloat64, worstFloat64, maxRelErrFloat32, worstFloat32);
        if (!ok()) {
            line += "  " + (problems.isEmpty() ? "nothing compared" : problems.get(0))
                    + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
        }
        return line;
    }

    @Override
    public String toString() {
        return line();
    }
}
