package org.deepsplines.mri;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.deepsplines.mri.io.MriImageFiles;

/**
 * Locates the MRI sample data: the repository's {@code sample-images/mri}, else {@code data/mri} under the
 * shared folder ({@code -Ddeepsplines.shared=...} or {@code ../shared}). Tests are skipped when neither exists.
 */
public final class MriTestData {
    private MriTestData() {
    }

    /** The folder holding {@code slices/}, {@code kspace/}, {@code volume/} and {@code complex/}. */
    public static Path root() {
        Path repo = Paths.get("sample-images", "mri");
        if (Files.isDirectory(repo)) {
            return repo;
        }
        String shared = System.getProperty("deepsplines.shared", Paths.get("..", "shared").toString());
        Path alt = Paths.get(shared, "data", "mri");
        assumeTrue(Files.isDirectory(alt), "MRI sample data not found (sample-images/mri or " + alt + "); skipping");
        return alt;
    }

    /** A file under the data root; skips the test when it is missing. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "sample file missing: " + p + "; skipping");
        return p;
    }

    /** A sample slice as a real-valued complex image. */
    public static ComplexImage slice(String name) throws IOException {
        return MriImageFiles.readImage(file("slices/" + name));
    }
}
