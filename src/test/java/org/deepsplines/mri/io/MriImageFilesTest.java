package org.deepsplines.mri.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.mri.CartesianLineMask;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.mri.SamplingMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MriImageFilesTest {

    @Test
    void readsTheComplexBrainSlice() throws Exception {
        ComplexImage z = MriImageFiles.readImage(MriTestData.file("complex/brain_slice_complex_re_im_float32.tif"));
        assertEquals(181, z.width());
        assertEquals(217, z.height());
        double[] mag = z.magnitude();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double m : mag) {
            min = Math.min(min, m);
            max = Math.max(max, m);
        }
        assertEquals(1, min, 0.01);
        assertEquals(300, max, 1);
        double imagEnergy = 0;
        for (double v : z.im()) {
            imagEnergy += v * v;
        }
        assertTrue(imagEnergy > 0, "has a real phase");
    }

    @Test
    void readsMagnitudePngsOf8And16Bits() throws Exception {
        ComplexImage a = MriImageFiles.readImage(MriTestData.file("slices/mr_small_64x64_16bit.png"));
        assertEquals(64, a.width());
        assertEquals(2145, a.maxAbs(), 1e-9);
        assertEquals(0, a.im()[100]);
        ComplexImage b = MriImageFiles.readImage(MriTestData.file("slices/brain_midsagittal_itk.png"));
        assertEquals(217, b.width());
        assertEquals(180, b.height());
    }

    @Test
    void refusesStacksThatAreNotComplexPairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MriImageFiles.readImage(MriTestData.file("volume/colin27_t1_axial_z050-128step2.tif")));
        assertTrue(e.getMessage().contains("40 slices"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MriImageFiles.readComplex(MriTestData.file("slices/colin27_t1_axial_z060.png")));
        assertThrows(java.io.IOException.class, () -> MriImageFiles.readImage(Path.of("no-such-file.tif")));
    }

    @Test
    void writesAndReadsComplexFloatAndMaskImages(@TempDir Path dir) throws Exception {
        ComplexImage z = ComplexImage.zeros(7, 5);
        for (int k = 0; k < z.size(); k++) {
            z.re()[k] = k + 0.25;
            z.im()[k] = -2.5 * k;
        }
        Path c = dir.resolve("c.tif");
        MriImageFiles.writeComplex(z, c, false);
        assertEquals(z, MriImageFiles.readImage(c));
        assertThrows(FileAlreadyExistsException.class, () -> MriImageFiles.writeComplex(z, c, false));
        MriImageFiles.writeComplex(z, c, true);

        Path f = dir.resolve("f.tif");
        MriImageFiles.writeFloat(z.magnitudeFloat(), 7, 5, f, false);
        assertArrayEquals(z.magnitude(), MriImageFiles.readImage(f).magnitude(), 1e-5);

        SamplingMask m = CartesianLineMask.random(3).generate(30, 20, 1);
        Path mp = dir.resolve("mask.tif");
        MriImageFiles.writeMask(m, mp, false);
        SamplingMask back = MriImageFiles.readMask(mp);
        assertArrayEquals(m.toBooleanArray(), back.toBooleanArray());
        assertEquals(255, MriImageFiles.readImage(mp).maxAbs());
        // no temporary files are left behind
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
    }
}
