package org.deepsplines.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes files so that a crash or cancel never leaves a half-written file behind: data goes to a
 * temporary file in the same folder, which is then renamed over the target in one step.
 */
public final class AtomicFiles {
    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes the whole content of a file to the given temporary path (for writers that need a path, like ImageJ's). */
    @FunctionalInterface
    public interface PathWriter {
        void writeTo(Path path) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Writes {@code target} atomically from a stream.
     *
     * @param overwrite when false and the target exists, fails with a message instead of replacing it
     */
    public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
        writeFile(target, overwrite, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
        });
    }

    /**
     * Writes {@code target} atomically through a temporary file in the same folder, which keeps the
     * target's extension (ImageJ picks the format from it) and the usual permissions of new files.
     *
     * @param overwrite when false and the target exists, fails with a message instead of replacing it
     */
    public static void writeFile(Path target, boolean overwrite, PathWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!overwrite && Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null,
                    "the file exists already; choose another name or allow overwriting");
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = dot > 0 ? name.substring(dot) : ".tmp";
        String stem = "." + (dot > 0 ? name.substring(0, dot) : name) + "-";
        Path tmp = null;
        while (tmp == null) {
            try {
                // createFile, unlike createTempFile, gives the file the permissions new files normally get.
                tmp = Files.createFile(dir.resolve(stem + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + suffix));
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name; draw again
            }
        }
        try {
            writer.writeTo(tmp);
            if (!overwrite && Files.exists(abs)) {
                throw new FileAlreadyExistsException(abs.toString(), null, "appeared while writing; not replacing it");
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Fails with a clear message when {@code target} exists and overwriting was not allowed. */
    public static void checkWritable(Path target, boolean overwrite) {
        if (!overwrite && Files.exists(target)) {
            throw new IllegalArgumentException("Output file " + target
                    + " exists already. Choose another name, or allow overwriting (--overwrite).");
        }
    }
}
