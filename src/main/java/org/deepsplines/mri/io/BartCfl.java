package org.deepsplines.mri.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.mri.ComplexImage;

/**
 * Reader and writer for BART's {@code .cfl}/{@code .hdr} pairs.
 *
 * <p>The {@code .hdr} is text: a line {@code # Dimensions} followed by a line of sizes (BART writes 16).
 * The {@code .cfl} is raw complex64: little-endian float32 pairs (real, imaginary), column-major with
 * dimension 0 fastest. Paths may name the pair by its base name or by either file.
 */
public final class BartCfl {
    private BartCfl() {
    }

    /**
     * Reads a pair.
     *
     * @throws IOException if a file is missing or unreadable
     * @throws IllegalArgumentException if the header is malformed or the data size does not match it
     */
    public static CflArray read(Path path) throws IOException {
        Path base = base(path);
        Path hdr = base.resolveSibling(base.getFileName() + ".hdr");
        Path cfl = base.resolveSibling(base.getFileName() + ".cfl");
        if (!Files.isRegularFile(hdr) || !Files.isRegularFile(cfl)) {
            throw new IOException("BART data needs both " + hdr + " and " + cfl);
        }
        int[] dims = parseDimensions(Files.readAllLines(hdr, StandardCharsets.UTF_8), hdr);
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        long expected = n * 8;
        long actual = Files.size(cfl);
        if (actual != expected) {
            throw new IllegalArgumentException(cfl + " holds " + actual + " bytes, but the header's dimensions need "
                    + expected + " (" + n + " complex64 values)");
        }
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(cfl + " is too large to load (" + n + " values)");
        }
        float[] re = new float[(int) n];
        float[] im = new float[(int) n];
        try (InputStream in = Files.newInputStream(cfl)) {
            byte[] chunk = new byte[1 << 16];
            int k = 0;
            long remaining = expected;
            while (remaining > 0) {
                int want = (int) Math.min(chunk.length, remaining);
                int got = in.readNBytes(chunk, 0, want);
                if (got != want) {
                    throw new IOException("unexpected end of " + cfl);
                }
                ByteBuffer bb = ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN);
                for (int j = 0; j < got / 8; j++) {
                    re[k] = bb.getFloat();
                    im[k] = bb.getFloat();
                    k++;
                }
                remaining -= got;
            }
        }
        return new CflArray(dims, re, im);
    }

    /**
     * Reads a single-coil 2D pair straight into an image.
     *
     * @throws IllegalArgumentException for multi-coil or higher-dimensional data
     */
    public static ComplexImage readImage(Path path) throws IOException {
        return read(path).image();
    }

    /** Writes a 2D image as a pair (dimensions {@code width height 1 ... 1}). */
    public static void write(ComplexImage image, Path path, boolean overwrite) throws IOException {
        int[] dims = new int[16];
        java.util.Arrays.fill(dims, 1);
        dims[0] = image.width();
        dims[1] = image.height();
        write(new CflArray(dims, image.reFloat(), image.imFloat()), path, overwrite);
    }

    /** Writes an array as a pair; each file is written atomically. */
    public static void write(CflArray array, Path path, boolean overwrite) throws IOException {
        Path base = base(path);
        Path hdr = base.resolveSibling(base.getFileName() + ".hdr");
        Path cfl = base.resolveSibling(base.getFileName() + ".cfl");
        if (!overwrite && (Files.exists(hdr) || Files.exists(cfl))) {
            throw new java.nio.file.FileAlreadyExistsException(base + ".hdr/.cfl exist; allow overwriting to replace them");
        }
        StringBuilder text = new StringBuilder("# Dimensions\n");
        int[] dims = array.dims();
        for (int i = 0; i < Math.max(16, dims.length); i++) {
            text.append(i < dims.length ? dims[i] : 1).append(' ');
        }
        text.append('\n');
        AtomicFiles.writeFile(cfl, overwrite, tmp -> {
            ByteBuffer bb = ByteBuffer.allocate(array.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < array.size(); k++) {
                bb.putFloat(array.re()[k]).putFloat(array.im()[k]);
            }
            Files.write(tmp, bb.array());
        });
        AtomicFiles.writeFile(hdr, overwrite, tmp -> Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8));
    }

    private static int[] parseDimensions(List<String> lines, Path hdr) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equalsIgnoreCase("# Dimensions")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j).trim();
                    if (!line.isEmpty()) {
                        return parseInts(line, hdr);
                    }
                }
            }
        }
        throw new IllegalArgumentException(hdr + " has no '# Dimensions' line followed by the sizes");
    }

    private static int[] parseInts(String line, Path hdr) {
        List<Integer> values = new ArrayList<>();
        for (String tok : line.split("\\s+")) {
            try {
                int v = Integer.parseInt(tok);
                if (v < 1) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(hdr + ": dimension '" + tok + "' is not a positive integer");
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Path base(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".cfl") || name.endsWith(".hdr")) {
            return path.resolveSibling(name.substring(0, name.length() - 4));
        }
        return path;
    }
}
