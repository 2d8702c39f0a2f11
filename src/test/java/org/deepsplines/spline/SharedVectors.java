package org.deepsplines.spline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared reference vectors: system property deepsplines.shared, else ../shared. */
public final class SharedVectors {

    private SharedVectors() {}

    /** The vector directory, or null when it is not available. */
    public static Path directory() {
        String shared = System.getProperty("deepsplines.shared");
        Path root = shared != null ? Paths.get(shared) : Paths.get("..", "shared");
        Path dir = root.resolve("reference").resolve("deepspline-vectors");
        return Files.isDirectory(dir) ? dir : null;
    }

    /** Message for a skipped test. */
    public static String missingMessage() {
        return "Reference vectors not found (set -Ddeepsplines.shared=<shared folder> or place it at ../shared); "
                + "skipping the conformance checks";
    }
}
