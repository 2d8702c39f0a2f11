package org.deepsplines.mri.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.deepsplines.mri.MriTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NiftiVolumeTest {

    @Test
    void colin27HasTheExpectedGeometryAndPlausibleIntensities() throws Exception {
        NiftiVolume v = NiftiVolume.read(MriTestData.file("volume/colin27_t1_1mm_ch2.nii.gz"));
        assertEquals(181, v.nx());
        assertEquals(217, v.ny());
        assertEquals(181, v.nz());
        assertEquals(1, v.volumes());
        assertEquals("uint8", v.header().datatypeName());
        assertArrayEquals(new double[] {1, 1, 1}, v.voxelSize(), 1e-6);
        float[] range = v.range();
        assertEquals(0, range[0]);
        assertTrue(range[1] > 200 && range[1] <= 255, "max " + range[1]);
        // background in a corner; a 41^3 block at the centre of the brain is mostly tissue (gray/white matter)
        assertEquals(0, v.value(0, 0, 0));
        double sum = 0;
        int count = 0;
        for (int z = 70; z <= 110; z++) {
            for (int y = 88; y <= 128; y++) {
                for (int x = 70; x <= 110; x++) {
                    sum += v.value(x, y, z);
                    count++;
                }
            }
        }
        double centreMean = sum / count;
        assertTrue(centreMean > 60 && centreMean < 150, "central mean " + centreMean);
    }

    @Test
    void slicesMatchTheShippedPngsAndTiffInEveryOrientation() throws Exception {
        NiftiVolume v = NiftiVolume.read(MriTestData.file("volume/colin27_t1_1mm_ch2.nii.gz"));
        assertSliceEquals(v.slice(SliceAxis.Z, 80), "slices/colin27_t1_axial_z080.png", 181, 217);
        assertSliceEquals(v.slice(SliceAxis.Y, 100), "slices/colin27_t1_coronal_y100.png", 181, 181);
        assertSliceEquals(v.slice(SliceAxis.X, 90), "slices/colin27_t1_sagittal_x090.png", 217, 181);
        ImagePlus stack = IJ.openImage(MriTestData.file("volume/colin27_t1_axial_z050-128step2.tif").toString());
        float[] first = (float[]) stack.getStack().getProcessor(1).convertToFloat().getPixels();
        assertArrayEquals(first, v.slice(SliceAxis.Z, 50));
        assertThrows(IllegalArgumentException.class, () -> v.slice(SliceAxis.Z, 181));
        assertEquals(181, v.sliceImage(SliceAxis.Y, 3).width());
    }

    private static void assertSliceEquals(float[] slice, String png, int w, int h) {
        ImagePlus imp = IJ.openImage(MriTestData.file(png).toString());
        assertEquals(w, imp.getWidth());
        assertEquals(h, imp.getHeight());
        assertArrayEquals((float[]) imp.getProcessor().convertToFloat().getPixels(), slice, png);
    }

    /** Writes a tiny 3x4x2 NIfTI-1 file with values k*3 - 5 in the given type and byte order. */
    static byte[] tinyNifti(int datatype, int bitpix, ByteOrder order, float slope, float inter) {
        int nx = 3;
        int ny = 4;
        int nz = 2;
        int n = nx * ny * nz;
        ByteBuffer bb = ByteBuffer.allocate(352 + n * bitpix / 8).order(order);
        bb.putInt(0, 348);
        bb.putShort(40, (short) 3);
        bb.putShort(42, (short) nx);
        bb.putShort(44, (short) ny);
        bb.putShort(46, (short) nz);
        for (int i = 3; i < 7; i++) {
            bb.putShort(42 + 2 * i, (short) 1);
        }
        bb.putShort(70, (short) datatype);
        bb.putShort(72, (short) bitpix);
        bb.putFloat(80, 0.5f);
        bb.putFloat(84, 0.75f);
        bb.putFloat(88, 2f);
        bb.putFloat(108, 352f);
        bb.putFloat(112, slope);
        bb.putFloat(116, inter);
        byte[] magic = "n+1\0".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 4; i++) {
            bb.put(344 + i, magic[i]);
        }
        for (int k = 0; k < n; k++) {
            int p = 352 + k * bitpix / 8;
            double v = datatype == 2 || datatype == 512 ? k * 3 : k * 3 - 5;
            switch (datatype) {
                case 2: bb.put(p, (byte) v); break;
                case 4: case 512: bb.putShort(p, (short) v); break;
                case 8: bb.putInt(p, (int) v); break;
                case 16: bb.putFloat(p, (float) v); break;
                case 64: bb.putDouble(p, v); break;
                default: throw new IllegalArgumentException();
            }
        }
        return bb.array();
    }

    @ParameterizedTest
    @CsvSource({"2,8", "4,16", "512,16", "8,32", "16,32", "64,64"})
    void readsEveryDatatypeInBothByteOrdersWithScaling(int datatype, int bitpix, @TempDir Path dir) throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] bytes = tinyNifti(datatype, bitpix, order, 2f, 1f);
            Path nii = dir.resolve("t.nii");
            Files.write(nii, bytes);
            Path gz = dir.resolve("t.nii.gz");
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(bos)) {
                z.write(bytes);
            }
            Files.write(gz, bos.toByteArray());
            for (Path p : new Path[] {nii, gz}) {
                NiftiVolume v = NiftiVolume.read(p);
                assertEquals(order, v.header().byteOrder());
                assertEquals(3, v.nx());
                assertEquals(4, v.ny());
                assertEquals(2, v.nz());
                assertArrayEquals(new double[] {0.5, 0.75, 2}, v.voxelSize(), 1e-7);
                for (int k = 0; k < 24; k++) {
                    double raw = datatype == 2 || datatype == 512 ? k * 3 : k * 3 - 5;
                    assertEquals(2 * raw + 1, v.value(k % 3, (k / 3) % 4, k / 12), 1e-6, "voxel " + k);
                }
            }
        }
    }

    @Test
    void zeroSlopeMeansNoScalingAndSlicesFollowTheDisplayConvention() {
        NiftiVolume v = NiftiVolume.parse(tinyNifti(4, 16, ByteOrder.LITTLE_ENDIAN, 0f, 7f), "mem");
        assertEquals(-5, v.value(0, 0, 0));
        // axial slice: width nx, height ny, top row is the largest y
        float[] axial = v.slice(SliceAxis.Z, 1);
        assertEquals(3 * 4, axial.length);
        assertEquals(v.value(0, 3, 1), axial[0]);
        assertEquals(v.value(2, 0, 1), axial[axial.length - 1]);
        float[] sagittal = v.slice(SliceAxis.X, 2);
        assertEquals(4, v.sliceWidth(SliceAxis.X));
        assertEquals(v.value(2, 1, 1), sagittal[1]);
        float[] coronal = v.slice(SliceAxis.Y, 3);
        assertEquals(v.value(1, 3, 0), coronal[3 + 1]);
    }

    @Test
    void rejectsNonNiftiTwoFileAndTruncatedData() {
        byte[] good = tinyNifti(16, 32, ByteOrder.LITTLE_ENDIAN, 1f, 0f);
        byte[] notNifti = good.clone();
        notNifti[0] = 1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NiftiVolume.parse(notNifti, "x"))
                .getMessage().contains("not a NIfTI-1"));
        byte[] pair = good.clone();
        pair[345] = 'i';
        assertThrows(IllegalArgumentException.class, () -> NiftiVolume.parse(pair, "x"));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NiftiVolume.parse(truncated, "x"))
                .getMessage().contains("truncated"));
        byte[] complex = tinyNifti(16, 32, ByteOrder.LITTLE_ENDIAN, 1f, 0f);
        ByteBuffer.wrap(complex).order(ByteOrder.LITTLE_ENDIAN).putShort(70, (short) 32);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NiftiVolume.parse(complex, "x"))
                .getMessage().contains("complex64"));
        assertEquals(SliceAxis.X, SliceAxis.parse("Sagittal"));
        assertThrows(IllegalArgumentException.class, () -> SliceAxis.parse("w"));
    }
}
