package org.deepsplines.mri.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.deepsplines.mri.ComplexImage;

/**
 * A NIfTI-1 volume ({@code .nii} or gzip-compressed {@code .nii.gz}) loaded as float intensities with the
 * header's {@code scl_slope}/{@code scl_inter} applied. Voxel {@code (x, y, z)} of volume {@code t} is stored
 * with x fastest, as the format prescribes.
 *
 * <p>2D slices come out in display orientation: the first in-plane axis runs left to right and the second
 * bottom to top (so row 0 of the slice is the largest second-axis index). For RAS data such as MNI templates
 * this puts anterior (axial) or superior (sagittal, coronal) at the top. The sform/qform orientation
 * matrices are not applied.
 */
public final class NiftiVolume {
    private final NiftiHeader header;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int nt;
    private final float[] data;

    private NiftiVolume(NiftiHeader header, float[] data) {
        this.header = header;
        int[] d = header.dims();
        nx = d[0];
        ny = d.length > 1 ? d[1] : 1;
        nz = d.length > 2 ? d[2] : 1;
        long rest = 1;
        for (int i = 3; i < d.length; i++) {
            rest *= d[i];
        }
        nt = (int) rest;
        this.data = data;
    }

    /**
     * Reads a {@code .nii} or {@code .nii.gz} file (gzip is detected from the content, not the name).
     *
     * @throws IOException if the file is missing, truncated or unreadable
     * @throws IllegalArgumentException if it is not a supported NIfTI-1 file
     */
    public static NiftiVolume read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file: " + path);
        }
        byte[] bytes;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                bytes = in.readAllBytes();
            }
        }
        return parse(bytes, path.toString());
    }

    /** Parses a whole single-file NIfTI-1 image held in memory (uncompressed). */
    public static NiftiVolume parse(byte[] bytes, String source) {
        NiftiHeader h = NiftiHeader.parse(bytes, source);
        long count = h.voxelCount();
        int bpv = h.bytesPerVoxel();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + " has too many voxels to load (" + count + ")");
        }
        long needed = h.voxOffset() + count * bpv;
        if (bytes.length < needed) {
            throw new IllegalArgumentException(source + " is truncated: the header needs " + needed
                    + " bytes, the file has " + bytes.length);
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(h.byteOrder());
        float[] v = new float[(int) count];
        int off = (int) h.voxOffset();
        double slope = h.hasScaling() ? h.sclSlope() : 1;
        double inter = h.hasScaling() ? h.sclInter() : 0;
        for (int k = 0; k < v.length; k++) {
            int p = off + k * bpv;
            double raw;
            switch (h.datatype()) {
                case 2: raw = bytes[p] & 0xff; break;
                case 256: raw = bytes[p]; break;
                case 4: raw = bb.getShort(p); break;
                case 512: raw = bb.getShort(p) & 0xffff; break;
                case 8: raw = bb.getInt(p); break;
                case 768: raw = bb.getInt(p) & 0xffffffffL; break;
                case 16: raw = bb.getFloat(p); break;
                case 64: raw = bb.getDouble(p); break;
                default: throw new IllegalStateException("datatype checked by bytesPerVoxel");
            }
            v[k] = (float) (slope * raw + inter);
        }
        return new NiftiVolume(h, v);
    }

    /** The parsed header. */
    public NiftiHeader header() {
        return header;
    }

    /** Size along x (dim[1]). */
    public int nx() {
        return nx;
    }

    /** Size along y (dim[2]). */
    public int ny() {
        return ny;
    }

    /** Size along z (dim[3]). */
    public int nz() {
        return nz;
    }

    /** Number of 3D volumes (product of dimensions 4 to 7). */
    public int volumes() {
        return nt;
    }

    /** Voxel spacing {@code (dx, dy, dz)} from pixdim (1 for missing dimensions). */
    public double[] voxelSize() {
        double[] p = header.pixdim();
        return new double[] {p.length > 0 ? p[0] : 1, p.length > 1 ? p[1] : 1, p.length > 2 ? p[2] : 1};
    }

    /** Scaled intensity of voxel (x, y, z) in volume 0. */
    public float value(int x, int y, int z) {
        return value(x, y, z, 0);
    }

    /** Scaled intensity of voxel (x, y, z) in volume t. */
    public float value(int x, int y, int z, int t) {
        if (x < 0 || x >= nx || y < 0 || y >= ny || z < 0 || z >= nz || t < 0 || t >= nt) {
            throw new IndexOutOfBoundsException("voxel (" + x + ", " + y + ", " + z + ", " + t + ") outside "
                    + nx + "x" + ny + "x" + nz + "x" + nt);
        }
        return data[(((t * nz) + z) * ny + y) * nx + x];
    }

    /** Smallest and largest intensity over the whole data. */
    public float[] range() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : data) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        return new float[] {lo, hi};
    }

    /** Width of slices perpendicular to {@code axis}. */
    public int sliceWidth(SliceAxis axis) {
        return axis == SliceAxis.X ? ny : nx;
    }

    /** Height of slices perpendicular to {@code axis}. */
    public int sliceHeight(SliceAxis axis) {
        return axis == SliceAxis.Z ? ny : nz;
    }

    /** Number of slices along {@code axis}. */
    public int sliceCount(SliceAxis axis) {
        return axis == SliceAxis.X ? nx : axis == SliceAxis.Y ? ny : nz;
    }

    /** Slice {@code index} of volume 0 in display orientation, row-major. */
    public float[] slice(SliceAxis axis, int index) {
        return slice(axis, index, 0);
    }

    /**
     * Slice {@code index} perpendicular to {@code axis} of volume {@code t}, in display orientation, row-major.
     *
     * @throws IllegalArgumentException if the index is out of range
     */
    public float[] slice(SliceAxis axis, int index, int t) {
        int count = sliceCount(axis);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("slice " + index + " along " + axis + " does not exist; the volume has "
                    + count + " slices along that axis (0 to " + (count - 1) + ")");
        }
        if (t < 0 || t >= nt) {
            throw new IllegalArgumentException("volume " + t + " does not exist; there are " + nt);
        }
        int w = sliceWidth(axis);
        int h = sliceHeight(axis);
        float[] out = new float[w * h];
        for (int row = 0; row < h; row++) {
            int up = h - 1 - row; // second in-plane axis grows upwards
            for (int col = 0; col < w; col++) {
                float v;
                switch (axis) {
                    case X: v = value(index, col, up, t); break;
                    case Y: v = value(col, index, up, t); break;
                    default: v = value(col, up, index, t); break;
                }
                out[row * w + col] = v;
            }
        }
        return out;
    }

    /** Slice as a real-valued {@link ComplexImage}, ready for k-space simulation. */
    public ComplexImage sliceImage(SliceAxis axis, int index) {
        return ComplexImage.ofFloats(sliceWidth(axis), sliceHeight(axis), slice(axis, index), null);
    }
}
