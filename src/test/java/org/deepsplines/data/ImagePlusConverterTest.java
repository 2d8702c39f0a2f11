package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;
import java.util.List;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

class ImagePlusConverterTest {

    @Test
    void sixteenBitValuesAboveSignedRangeSurviveRoundTrips() {
        short[] px = new short[4 * 3];
        int[] values = {0, 1, 32767, 32768, 40000, 65535, 12345, 50000, 2, 3, 4, 65534};
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) values[i];
        }
        ImagePlus imp = new ImagePlus("ct", new ShortProcessor(4, 3, px, null));
        CalibratedImage<FloatType> f = ImagePlusConverter.toFloatImg(imp);
        float[] data = ImgTensors.backingArray(f.image());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], data[i], 0.0);
        }
        CalibratedImage<?> typed = ImagePlusConverter.toTypedImg(imp);
        assertTrue(typed.image().firstElement() instanceof UnsignedShortType);
        @SuppressWarnings("unchecked")
        RandomAccess<UnsignedShortType> ra = ((Img<UnsignedShortType>) typed.image()).randomAccess();
        ra.setPosition(new long[] {0, 1}); // index 4
        assertEquals(40000, ra.get().get());

        ImagePlus back16 = ImagePlusConverter.toImagePlus(f, 16);
        assertEquals(16, back16.getBitDepth());
        ImagePlus typedBack = ImagePlusConverter.toImagePlus(typed, 16);
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], back16.getProcessor().getf(i), 0.0);
            assertEquals(values[i], typedBack.getProcessor().getf(i), 0.0);
        }
        ImagePlus back32 = ImagePlusConverter.toImagePlus(f, 32);
        assertEquals(32, back32.getBitDepth());
        assertEquals(65535f, back32.getProcessor().getf(5));
    }

    @Test
    void hyperstackAxesValuesAndCalibrationRoundTrip() {
        int w = 5;
        int h = 4;
        int nc = 2;
        int nz = 3;
        int nt = 4;
        ImagePlus imp = IJ.createHyperStack("hs", w, h, nc, nz, nt, 8);
        for (int t = 1; t <= nt; t++) {
            for (int z = 1; z <= nz; z++) {
                for (int c = 1; c <= nc; c++) {
                    ByteProcessor ip = (ByteProcessor) imp.getStack().getProcessor(imp.getStackIndex(c, z, t));
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            ip.set(x, y, code(x, y, c, z, t));
                        }
                    }
                }
            }
        }
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.25;
        cal.pixelHeight = 0.5;
        cal.pixelDepth = 2.0;
        cal.setUnit("micron");
        cal.frameInterval = 3.5;
        cal.setTimeUnit("min");
        cal.xOrigin = 7;

        CalibratedImage<FloatType> f = ImagePlusConverter.toFloatImg(imp);
        assertEquals(List.of(ImageAxis.X, ImageAxis.Y, ImageAxis.C, ImageAxis.Z, ImageAxis.T), f.axes());
        assertArrayEquals(new long[] {w, h, nc, nz, nt}, f.image().dimensionsAsLongArray());
        RandomAccess<FloatType> ra = f.image().randomAccess();
        ra.setPosition(new long[] {3, 2, 1, 2, 3}); // c=2, z=3, t=4 in ImageJ's 1-based terms
        assertEquals(code(3, 2, 2, 3, 4), ra.get().get(), 0.0);
        assertEquals(8, f.bitDepth());
        assertThrows(IllegalArgumentException.class, f::layout); // has T

        for (int bits : new int[] {8, 32}) {
            ImagePlus back = ImagePlusConverter.toImagePlus(f, bits);
            assertEquals(bits, back.getBitDepth());
            assertEquals(nc, back.getNChannels());
            assertEquals(nz, back.getNSlices());
            assertEquals(nt, back.getNFrames());
            assertTrue(back.isHyperStack());
            Calibration bc = back.getCalibration();
            assertEquals(0.25, bc.pixelWidth);
            assertEquals(0.5, bc.pixelHeight);
            assertEquals(2.0, bc.pixelDepth);
            assertEquals("micron", bc.getUnit());
            assertEquals(3.5, bc.frameInterval);
            assertEquals("min", bc.getTimeUnit());
            assertEquals(7, bc.xOrigin);
            assertEquals(code(1, 3, 2, 1, 3),
                    back.getStack().getProcessor(back.getStackIndex(2, 1, 3)).getf(1, 3), 0.0);
        }
    }

    @Test
    void layoutsFollowThePresentAxes() {
        ImagePlus cz = IJ.createHyperStack("cz", 4, 4, 2, 3, 1, 32);
        assertEquals(ImageLayout.ZCYX, ImagePlusConverter.toFloatImg(cz).layout());
        ImagePlus z = IJ.createImage("z", "32-bit black", 4, 4, 5);
        assertEquals(ImageLayout.ZYX, ImagePlusConverter.toFloatImg(z).layout());
        ImagePlus c = IJ.createHyperStack("c", 4, 4, 3, 1, 1, 16);
        assertEquals(ImageLayout.CYX, ImagePlusConverter.toFloatImg(c).layout());
        ImagePlus p = new ImagePlus("p", new FloatProcessor(4, 4));
        assertEquals(ImageLayout.YX, ImagePlusConverter.toFloatImg(p).layout());
        assertFalse(ImagePlusConverter.toImagePlus(ImagePlusConverter.toFloatImg(z), 32).isHyperStack());
    }

    @Test
    void conversionToIntegerTypesClampsAndRounds() {
        float[] v = {-3f, 12.4f, 12.6f, 300f, Float.NaN, 254.5f};
        ImagePlus imp = new ImagePlus("f", new FloatProcessor(6, 1, v));
        CalibratedImage<FloatType> f = ImagePlusConverter.toFloatImg(imp);
        ImagePlus b = ImagePlusConverter.toImagePlus(f, 8);
        float[] expected = {0, 12, 13, 255, 0, 255};
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected[i], b.getProcessor().getf(i), 0.0, "pixel " + i);
        }
        ImagePlus s = ImagePlusConverter.toImagePlus(
                ImgTensors.toImg(new float[] {-1, 70000, 40000.4f}, new long[] {1, 1, 3}, ImageLayout.YX),
                List.of(ImageAxis.X, ImageAxis.Y), null, "s", 16);
        assertArrayEquals(new float[] {0, 65535, 40000},
                new float[] {s.getProcessor().getf(0), s.getProcessor().getf(1), s.getProcessor().getf(2)});
        assertThrows(IllegalArgumentException.class, () -> ImagePlusConverter.toImagePlus(f, 12));
    }

    @Test
    void colourImagesAreRejectedWithAConversionHint() {
        ImagePlus rgb = new ImagePlus("photo.png", new ColorProcessor(4, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImagePlusConverter.toFloatImg(rgb));
        assertTrue(e.getMessage().contains("photo.png"), e.getMessage());
        assertTrue(e.getMessage().contains("Image > Type > 8-bit or 32-bit"), e.getMessage());

        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) (i * 37); // a palette that is not a smooth ramp makes an indexed-colour image
            g[i] = (byte) (i * 101);
            b[i] = (byte) (255 - i);
        }
        ByteProcessor bp = new ByteProcessor(4, 4);
        bp.setLut(new LUT(r, g, b));
        ImagePlus indexed = new ImagePlus("indexed", bp);
        indexed.setTypeToColor256(); // what ImageJ's opener does for palette files
        assertEquals(ImagePlus.COLOR_256, indexed.getType());
        e = assertThrows(IllegalArgumentException.class, () -> ImagePlusConverter.toTypedImg(indexed));
        assertTrue(e.getMessage().contains("Image > Type > 8-bit or 32-bit"), e.getMessage());
    }

    @Test
    void grayImagesAsPlanesOrVolumesAndLuma() {
        ImagePlus z = IJ.createImage("vol", "16-bit black", 6, 5, 4);
        z.getStack().getProcessor(3).set(2, 1, 50000);
        List<GrayImage> planes = ImagePlusConverter.toGrayImages(z, false, false);
        assertEquals(4, planes.size());
        assertEquals(50000f, planes.get(2).get(2, 1, 0));
        assertEquals(16, planes.get(2).bitDepth());
        assertEquals("vol [z3]", planes.get(2).name());
        List<GrayImage> vols = ImagePlusConverter.toGrayImages(z, true, false);
        assertEquals(1, vols.size());
        assertEquals(4, vols.get(0).depth());
        assertEquals(50000f, vols.get(0).get(2, 1, 2));

        ColorProcessor cp = new ColorProcessor(2, 1);
        cp.set(0, 0, 0xff0000);
        cp.set(1, 0, 0x00ff00);
        ImagePlus rgb = new ImagePlus("rgb", cp);
        assertThrows(IllegalArgumentException.class, () -> ImagePlusConverter.toGrayImages(rgb, false, false));
        GrayImage luma = ImagePlusConverter.toGrayImages(rgb, false, true).get(0);
        assertEquals(0.299 * 255, luma.get(0, 0, 0), 1e-4);
        assertEquals(0.587 * 255, luma.get(1, 0, 0), 1e-4);

        ImagePlus out = ImagePlusConverter.toImagePlus(vols.get(0), z.getCalibration(), 16);
        assertEquals(4, out.getNSlices());
        assertEquals(50000f, out.getStack().getProcessor(3).getf(2, 1));
    }

    private static int code(int x, int y, int c, int z, int t) {
        return (x + 5 * y + 20 * (c - 1) + 40 * (z - 1) + 120 * (t - 1)) % 251;
    }
}
