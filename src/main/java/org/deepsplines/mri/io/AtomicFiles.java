package org.deepsplines.mri.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers never see it half written: the content goes to a temporary file in the
 * same folder, which is then moved onto the target in one step.
 */
public final class AtomicFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    /** Writes the content of a file to the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the whole content to {@code path}. */
        void writeTo(Path path) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param overwrite whether an existing target may be replaced
     * @throws FileAlreadyExistsException if the target exists and {@code overwrite} is false
     */
    public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute + " exists; allow overwriting to replace it");
        }
        Files.createDirectories(dir);
        // ImageJ picks the format from the extension, so the temporary name keeps it.
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = dot > 0 ? name.substring(dot) : ".tmp";
        String stem = "." + (dot > 0 ? name.substring(0, dot) : name) + "-";
        // createFile (unlike createTempFile) keeps the usual permissions of new files
        Path tmp = null;
        while (tmp == null) {
            Path candidate = dir.resolve(stem + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + suffix);
            try {
                tmp = Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name; draw again
            }
        }
        try {
            writer.writeTo(tmp);
            if (!overwrite && Files.exists(absolute)) {
                throw new FileAlreadyExistsException(absolute + " appeared while writing; not replacing it");
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
