package org.deepsplines.mri.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of a NIfTI-1 header that matter for reading voxel values.
 *
 * @param byteOrder endianness, detected from {@code sizeof_hdr} (348)
 * @param dims {@code dim[1..dim[0]]}: the size of each stored dimension
 * @param datatype NIfTI datatype code (2 uint8, 4 int16, 8 int32, 16 float32, 64 float64, 256 int8,
 *     512 uint16, 768 uint32 are supported)
 * @param bitpix bits per voxel
 * @param pixdim {@code pixdim[1..dim[0]]}: voxel spacing (mm for space, usually)
 * @param voxOffset byte offset of the voxel data in a single-file {@code .nii}
 * @param sclSlope intensity scaling slope (0 means none)
 * @param sclInter intensity scaling intercept
 * @param description the {@code descrip} text
 */
public record NiftiHeader(ByteOrder byteOrder, int[] dims, int datatype, int bitpix, double[] pixdim,
        long voxOffset, double sclSlope, double sclInter, String description) {

    /** NIfTI-1 header size in bytes. */
    public static final int SIZE = 348;

    /**
     * Parses the first 348 bytes of a file.
     *
     * @throws IllegalArgumentException if the bytes are not a single-file NIfTI-1 header
     */
    public static NiftiHeader parse(byte[] bytes, String source) {
        if (bytes.length < SIZE) {
            throw new IllegalArgumentException(source + " is too short for a NIfTI-1 header (" + bytes.length
                    + " bytes)");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getInt(0) != SIZE) {
            bb.order(ByteOrder.BIG_ENDIAN);
            if (bb.getInt(0) != SIZE) {
                throw new IllegalArgumentException(source + " is not a NIfTI-1 file (sizeof_hdr is not 348 in"
                        + " either byte order; NIfTI-2 is not supported)");
            }
        }
        String magic = new String(bytes, 344, 3, StandardCharsets.US_ASCII);
        if (magic.equals("ni1")) {
            throw new IllegalArgumentException(source + " is a two-file NIfTI header (.hdr/.img); convert it to a"
                    + " single .nii or .nii.gz");
        }
        if (!magic.equals("n+1")) {
            throw new IllegalArgumentException(source + " lacks the NIfTI-1 magic 'n+1' (Analyze 7.5 files are"
                    + " not supported)");
        }
        int rank = bb.getShort(40);
        if (rank < 1 || rank > 7) {
            throw new IllegalArgumentException(source + ": dim[0] = " + rank + " is not a rank between 1 and 7");
        }
        int[] dims = new int[rank];
        double[] pixdim = new double[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = bb.getShort(42 + 2 * i);
            if (dims[i] < 1) {
                throw new IllegalArgumentException(source + ": dim[" + (i + 1) + "] = " + dims[i] + " is not positive");
            }
            pixdim[i] = bb.getFloat(80 + 4 * i);
        }
        int datatype = bb.getShort(70);
        int bitpix = bb.getShort(72);
        float voxOffset = bb.getFloat(108);
        float slope = bb.getFloat(112);
        float inter = bb.getFloat(116);
        int end = 148;
        while (end < 228 && bytes[end] != 0) {
            end++;
        }
        String descrip = new String(bytes, 148, end - 148, StandardCharsets.US_ASCII).trim();
        long offset = (long) Math.max(SIZE, voxOffset);
        return new NiftiHeader(bb.order(), dims, datatype, bitpix, pixdim, offset, slope, inter, descrip);
    }

    /** Bytes per voxel of the datatype. */
    public int bytesPerVoxel() {
        switch (datatype) {
            case 2:
            case 256:
                return 1;
            case 4:
            case 512:
                return 2;
            case 8:
            case 16:
            case 768:
                return 4;
            case 64:
                return 8;
            default:
                throw new IllegalArgumentException("unsupported NIfTI datatype " + datatype + " (" + datatypeName()
                        + "); supported: uint8, int8, int16, uint16, int32, uint32, float32, float64");
        }
    }

    /** A readable name of the datatype code. */
    public String datatypeName() {
        switch (datatype) {
            case 2: return "uint8";
            case 4: return "int16";
            case 8: return "int32";
            case 16: return "float32";
            case 32: return "complex64";
            case 64: return "float64";
            case 128: return "rgb24";
            case 256: return "int8";
            case 512: return "uint16";
            case 768: return "uint32";
            case 1024: return "int64";
            case 1280: return "uint64";
            case 1792: return "complex128";
            default: return "unknown";
        }
    }

    /** Number of voxels over all dimensions. */
    public long voxelCount() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Whether intensities are rescaled ({@code scl_slope} nonzero and finite). */
    public boolean hasScaling() {
        return sclSlope != 0 && Double.isFinite(sclSlope) && Double.isFinite(sclInter);
    }

    @Override
    public String toString() {
        return "NiftiHeader[" + Arrays.toString(dims) + " " + datatypeName() + ", pixdim " + Arrays.toString(pixdim)
                + ", " + byteOrder + (hasScaling() ? ", scaled " + sclSlope + "*v+" + sclInter : "") + "]";
    }

    /** Copy of the dimension sizes. */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Copy of the voxel spacings. */
    @Override
    public double[] pixdim() {
        return pixdim.clone();
    }
}
