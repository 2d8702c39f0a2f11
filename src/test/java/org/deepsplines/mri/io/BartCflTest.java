package org.deepsplines.mri.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepsplines.mri.CenteredFft2;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.mri.ReconstructionMetrics;
import org.deepsplines.mri.ZeroFilledReconstruction;
import org.deepsplines.mri.SamplingMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BartCflTest {

    static double[] interleave(ComplexImage z) {
        double[] v = new double[2 * z.size()];
        for (int k = 0; k < z.size(); k++) {
            v[2 * k] = z.re()[k];
            v[2 * k + 1] = z.im()[k];
        }
        return v;
    }

    @Test
    void analyticSheppLoganKspaceInvertsToThePhantomOver256() throws Exception {
        ComplexImage ksp = BartCfl.readImage(MriTestData.file("kspace/sl_ksp.cfl"));
        ComplexImage img = BartCfl.readImage(MriTestData.file("kspace/sl_img.cfl"));
        assertEquals(256, ksp.width());
        assertEquals(256, ksp.height());
        ComplexImage rec = CenteredFft2.inverse(ksp);
        // least-squares scale s minimising ||rec - s img||: expected near 1/256, with Gibbs ringing around edges
        double[] a = interleave(rec);
        double[] b = interleave(img);
        double ab = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            bb += b[k] * b[k];
        }
        double s = ab / bb;
        assertEquals(1.0 / 256, s, 0.1 / 256, "fitted scale");
        double err = 0;
        double ref = 0;
        for (int k = 0; k < a.length; k++) {
            err += (a[k] - s * b[k]) * (a[k] - s * b[k]);
            ref += s * b[k] * s * b[k];
        }
        double relative = Math.sqrt(err / ref);
        assertTrue(relative < 0.25, "relative error " + relative);
        assertTrue(ReconstructionMetrics.correlation(a, b) > 0.95);
        // the DC term sits at the centre
        double dc = Math.hypot(ksp.re(128, 128), ksp.im(128, 128));
        assertEquals(ksp.maxAbs(), dc, 1e-9);
    }

    @Test
    void tiffCopyOfTheKspaceHasRowsAlongY() throws Exception {
        ComplexImage cfl = BartCfl.readImage(MriTestData.file("kspace/sl_ksp.cfl"));
        ComplexImage tif = MriImageFiles.readComplex(MriTestData.file("kspace/shepp_logan_256_kspace_re_im_float32.tif"));
        assertEquals(0, cfl.minus(tif).maxAbs(), 1e-7);
    }

    @Test
    void fourCoilDataHasShape256x256x1x4AndIsRefusedAsSingleCoil() throws Exception {
        CflArray k4 = BartCfl.read(MriTestData.file("kspace/sl_ksp_4coil.hdr"));
        assertArrayEquals(new int[] {256, 256, 1, 4}, java.util.Arrays.copyOf(k4.dims(), 4));
        assertEquals(4, k4.coilCount());
        assertEquals(256 * 256 * 4, k4.size());
        assertEquals("256x256x1x4", k4.shapeString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, k4::image);
        assertTrue(e.getMessage().contains("4 coils") && e.getMessage().contains("single"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BartCfl.readImage(MriTestData.file("kspace/sl_ksp_4coil.cfl")));
        assertThrows(IllegalArgumentException.class, () -> k4.coil(4));

        // each coil image is the single-coil image weighted by that coil's sensitivity
        CflArray sens = BartCfl.read(MriTestData.file("kspace/sl_sens_4coil.hdr"));
        ComplexImage single = CenteredFft2.inverse(BartCfl.readImage(MriTestData.file("kspace/sl_ksp.cfl")));
        for (int c = 0; c < 4; c++) {
            ComplexImage coil = ZeroFilledReconstruction.complex(k4.coil(c), SamplingMask.full(256, 256));
            ComplexImage s = sens.coil(c);
            ComplexImage product = ComplexImage.zeros(256, 256);
            for (int k = 0; k < product.size(); k++) {
                product.re()[k] = s.re()[k] * single.re()[k] - s.im()[k] * single.im()[k];
                product.im()[k] = s.re()[k] * single.im()[k] + s.im()[k] * single.re()[k];
            }
            assertTrue(ReconstructionMetrics.correlation(interleave(product), interleave(coil)) > 0.999, "coil " + c);
        }
    }

    @Test
    void writeThenReadRoundTrips(@TempDir Path dir) throws Exception {
        ComplexImage z = ComplexImage.zeros(5, 3);
        for (int k = 0; k < z.size(); k++) {
            z.re()[k] = k * 0.5;
            z.im()[k] = -k;
        }
        Path base = dir.resolve("test");
        BartCfl.write(z, base, false);
        assertTrue(Files.readString(dir.resolve("test.hdr")).startsWith("# Dimensions\n5 3 1"));
        assertEquals(5 * 3 * 8, Files.size(dir.resolve("test.cfl")));
        assertEquals(z, BartCfl.readImage(base));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> BartCfl.write(z, base, false));
        BartCfl.write(z, base, true);
    }

    @Test
    void malformedFilesAreRejectedClearly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.hdr"), "# Dimensions\n4 4 1 1\n");
        Files.write(dir.resolve("a.cfl"), new byte[4 * 4 * 8 - 8]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BartCfl.read(dir.resolve("a")));
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
        Files.writeString(dir.resolve("b.hdr"), "# Something\n4 4\n");
        Files.write(dir.resolve("b.cfl"), new byte[128]);
        assertThrows(IllegalArgumentException.class, () -> BartCfl.read(dir.resolve("b")));
        assertThrows(java.io.IOException.class, () -> BartCfl.read(dir.resolve("missing")));
    }
}
