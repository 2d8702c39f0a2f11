package org.deepsplines.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepsplines.spline.conformance.ConformanceSummary;
import org.deepsplines.spline.conformance.FileReport;
import org.deepsplines.spline.conformance.VectorConformance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code conformance DIR}: checks the spline layers against every reference test-vector JSON file in DIR.
 * Prints one line per file, then a JSON summary line; exits 1 when any file fails.
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Check the spline activations against the reference test vectors (*.json) in DIR. "
                + "Prints one line per file and a final JSON line; exit code 1 if any file fails.")
final class ConformanceCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder holding the reference vector *.json files.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConformanceSummary summary;
        try {
            summary = VectorConformance.checkDirectory(dir);
        } finally {
            out.flush();
        }
        for (FileReport report : summary.reports()) {
            out.println(report.line());
        }
        out.println(summary.jsonLine());
        out.flush();
        return summary.failed() == 0 ? 0 : 1;
    }
}
