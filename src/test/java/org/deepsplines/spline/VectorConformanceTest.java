package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deepsplines.spline.conformance.FileReport;
import org.deepsplines.spline.conformance.VectorConformance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference vector file, float64 and float32, within the documented tolerances. */
class VectorConformanceTest {

    static Stream<String> vectorFiles() throws IOException {
        Path dir = SharedVectors.directory();
        if (dir == null) {
            return Stream.of("(vectors missing)");
        }
        return VectorConformance.vectorFiles(dir).stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorFiles")
    void fileMatchesReference(String name) {
        Path dir = SharedVectors.directory();
        Assumptions.assumeTrue(dir != null, SharedVectors.missingMessage());
        FileReport report = VectorConformance.checkFile(dir.resolve(name));
        System.out.println(report.line());
        System.out.println("   " + report.comparedPerQuantity());
        assertTrue(report.ok(), () -> String.join("\n", report.problems()));
        assertTrue(report.maxRelErrFloat64() <= VectorConformance.RTOL_FLOAT64, report::line);
        assertTrue(report.maxRelErrFloat32() <= VectorConformance.RTOL_FLOAT32, report::line);
    }

    @Test
    void everyKindIsCovered() throws IOException {
        Path dir = SharedVectors.directory();
        Assumptions.assumeTrue(dir != null, SharedVectors.missingMessage());
        Set<String> kinds = new TreeSet<>();
        List<Path> files = VectorConformance.vectorFiles(dir);
        for (Path file : files) {
            String name = file.getFileName().toString();
            kinds.add(name.substring(0, name.indexOf('_')));
        }
        assertEquals(Set.of("bspline", "explicitlinear", "relusplines", "sparsify", "tinynet"), kinds);
    }
}
