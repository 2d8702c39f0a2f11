package org.deepsplines.spline.conformance;

import com.google.gson.JsonObject;
import java.util.List;

/** Results of checking a directory of vector files. */
public final class ConformanceSummary {

    private final List<FileReport> reports;

    ConformanceSummary(List<FileReport> reports) {
        this.reports = List.copyOf(reports);
    }

    /** Per-file reports, in file-name order. */
    public List<FileReport> reports() {
        return reports;
    }

    /** Number of files checked. */
    public int files() {
        return reports.size();
    }

    /** Number of files that failed. */
    public int failed() {
        return (int) reports.stream().filter(r -> !r.ok()).count();
    }

    /** Largest normalised float64 error over all files. */
    public double maxRelErrFloat64() {
        return reports.stream().mapToDouble(FileReport::maxRelErrFloat64).max().orElse(0);
    }

    /** Largest normalised float32 error over all files. */
    public double maxRelErrFloat32() {
        return reports.stream().mapToDouble(FileReport::maxRelErrFloat32).max().orElse(0);
    }

    /** {@code {"files":N,"failed":F,"max_rel_err_float64":E64,"max_rel_err_float32":E32}}. */
    public String jsonLine() {
        JsonObject o = new JsonObject();
        o.addProperty("files", files());
        o.addProperty("failed", failed());
        o.addProperty("max_rel_err_float64", maxRelErrFloat64());
        o.addProperty("max_rel_err_float32", maxRelErrFloat32());
        return o.toString();
    }
}
