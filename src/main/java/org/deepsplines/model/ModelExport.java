package org.deepsplines.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deepsplines.data.AtomicFiles;

/**
 * Exports a model's parameters for Python: NumPy {@code .npz} (one {@code .npy} per parameter plus
 * {@code config.json}) or {@code .safetensors} (config in the {@code __metadata__}). Parameter names
 * follow {@link ParameterNames}; all arrays are little-endian float32.
 */
public final class ModelExport {
    private static final Gson GSON = new Gson();

    private ModelExport() {}

    /** A named float32 tensor. */
    public record Tensor(String name, long[] shape, float[] data) {}

    /** All parameters of {@code block} (including batch-norm running statistics) with Python names. */
    public static List<Tensor> tensors(Block block) {
        List<Tensor> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            try (NDArray f = a.toType(DataType.FLOAT32, true)) {
                out.add(new Tensor(ParameterNames.pythonName(p.getKey()), a.getShape().getShape(), f.toFloatArray()));
            }
        }
        return out;
    }

    public static void writeNpz(Block block, JsonObject config, Path file, boolean overwrite) throws IOException {
        List<Tensor> tensors = tensors(block);
        AtomicFiles.write(file, overwrite, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Tensor t : tensors) {
                    zip.putNextEntry(new ZipEntry(t.name() + ".npy"));
                    writeNpy(zip, t);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("config.json"));
                zip.write(GSON.toJson(config).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
    }

    public static void writeSafetensors(Block block, JsonObject config, Path file, boolean overwrite) throws IOException {
        List<Tensor> tensors = tensors(block);
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("config", GSON.toJson(config));
        meta.addProperty("format", "pt");
        header.add("__metadata__", meta);
        long offset = 0;
        for (Tensor t : tensors) {
            JsonObject e = new JsonObject();
            e.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            e.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 4L * t.data().length;
            offsets.add(offset);
            e.add("data_offsets", offsets);
            header.add(t.name(), e);
        }
        byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] head = new byte[padded];
        java.util.Arrays.fill(head, (byte) ' ');
        System.arraycopy(json, 0, head, 0, json.length);
        AtomicFiles.write(file, overwrite, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(head);
            for (Tensor t : tensors) {
                writeFloats(out, t.data());
            }
        });
    }

    /** Writes one array in NumPy's .npy format version 1.0. */
    static void writeNpy(OutputStream out, Tensor t) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (long d : t.shape()) {
            shape.append(d).append(", ");
        }
        if (t.shape().length > 1) {
            shape.setLength(shape.length() - 1);
        } else if (t.shape().length == 0) {
            shape.setLength(1);
        }
        shape.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape.toString().replace(", )", ",)") + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        d.writeByte(header.length() & 0xff);
        d.writeByte((header.length() >> 8) & 0xff);
        d.write(header.getBytes(StandardCharsets.US_ASCII));
        d.flush();
        writeFloats(out, t.data());
    }

    private static void writeFloats(OutputStream out, float[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        out.write(buf.array());
    }
}
