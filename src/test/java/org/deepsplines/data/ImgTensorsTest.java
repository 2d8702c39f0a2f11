package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

class ImgTensorsTest {

    @Test
    void floatArrayImgIsUsedWithoutCopy() {
        float[] data = new float[5 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(data, 5, 3);
        float[] t = ImgTensors.toFloatArray(img, ImageLayout.YX);
        assertSame(data, t);
        assertArrayEquals(new long[] {1, 1, 3, 5}, ImgTensors.tensorShape(img, ImageLayout.YX));
        // row-major (H, W): element (y=2, x=4) is at 2*5+4
        RandomAccess<FloatType> ra = img.randomAccess();
        ra.setPosition(new long[] {4, 2});
        assertEquals(ra.get().get(), t[2 * 5 + 4]);
    }

    @Test
    void otherTypesAndViewsAreCopiedInFlatOrder() {
        Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(6, 4);
        Cursor<UnsignedShortType> c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(40000 + 10 * c.getIntPosition(1) + c.getIntPosition(0));
        }
        float[] t = ImgTensors.toFloatArray(img, ImageLayout.YX);
        assertEquals(40000 + 10 * 3 + 5, t[3 * 6 + 5]);
        // a crop with a non-zero origin
        float[] crop = ImgTensors.toFloatArray(Views.interval(img, new long[] {2, 1}, new long[] {4, 2}), ImageLayout.YX);
        assertArrayEquals(new float[] {40012, 40013, 40014, 40022, 40023, 40024}, crop);
    }

    @Test
    void imageJOrderIsReorderedToChannelsFirst() {
        int w = 3;
        int h = 2;
        int nc = 2;
        int nz = 4;
        Img<FloatType> img = ArrayImgs.floats(w, h, nc, nz); // ImageJ order X, Y, C, Z
        Cursor<FloatType> c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(value(c.getIntPosition(0), c.getIntPosition(1), c.getIntPosition(2), c.getIntPosition(3)));
        }
        float[] t = ImgTensors.toFloatArray(img, ImageLayout.ZCYX);
        assertArrayEquals(new long[] {1, nc, nz, h, w}, ImgTensors.tensorShape(img, ImageLayout.ZCYX));
        for (int ci = 0; ci < nc; ci++) {
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        assertEquals(value(x, y, ci, z), t[((ci * nz + z) * h + y) * w + x]);
                    }
                }
            }
        }
        Img<FloatType> back = ImgTensors.toImg(t, new long[] {nc, nz, h, w}, ImageLayout.ZCYX);
        assertArrayEquals(new long[] {w, h, nc, nz}, back.dimensionsAsLongArray());
        assertArrayEquals(ImgTensors.backingArray(img), ImgTensors.backingArray(back));
    }

    @Test
    void channelSlowestLayoutWrapsTensorDataDirectly() {
        float[] data = new float[2 * 3 * 4 * 5];
        Img<FloatType> img = ImgTensors.toImg(data, new long[] {2, 3, 4, 5}, ImageLayout.CZYX);
        assertArrayEquals(new long[] {5, 4, 3, 2}, img.dimensionsAsLongArray());
        assertSame(data, ImgTensors.backingArray(img));
        assertThrows(IllegalArgumentException.class,
                () -> ImgTensors.toImg(data, new long[] {2, 60}, ImageLayout.YX));
        assertThrows(IllegalArgumentException.class,
                () -> ImgTensors.toImg(new float[12], new long[] {2, 2, 3}, ImageLayout.YX)); // 2 channels, no C axis
    }

    @Test
    void ndArrayRoundTripAndStacking() {
        Img<FloatType> a = ramp(7, 5, 0);
        Img<FloatType> b = ramp(7, 5, 100);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray t = ImgTensors.toNDArray(a, ImageLayout.YX, m);
            assertArrayEquals(new long[] {1, 1, 5, 7}, t.getShape().getShape());
            assertEquals(3 * 7 + 4, t.getFloat(0, 0, 3, 4));
            Img<FloatType> back = ImgTensors.toImg(t, ImageLayout.YX);
            assertArrayEquals(ImgTensors.backingArray(a), ImgTensors.backingArray(back));

            NDArray batch = ImgTensors.stack(List.of(a, b), ImageLayout.YX, m);
            assertArrayEquals(new long[] {2, 1, 5, 7}, batch.getShape().getShape());
            assertEquals(100 + 2 * 7 + 6, batch.getFloat(1, 0, 2, 6));
            List<Img<FloatType>> split = ImgTensors.toImgs(batch, ImageLayout.YX);
            assertEquals(2, split.size());
            assertArrayEquals(ImgTensors.backingArray(b), ImgTensors.backingArray(split.get(1)));
            assertThrows(IllegalArgumentException.class, () -> ImgTensors.toImg(batch, ImageLayout.YX));
        }
    }

    @Test
    void stackingRejectsDifferentSizesAndWrongLayouts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImgTensors.stackToFloatArray(List.of(ramp(4, 4, 0), ramp(4, 5, 0)), ImageLayout.YX));
        assertTrue(e.getMessage().contains("same size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImgTensors.toFloatArray(ramp(4, 4, 0), ImageLayout.ZYX));
        float[] s = ImgTensors.stackToFloatArray(List.of(ramp(3, 2, 0), ramp(3, 2, 10)), ImageLayout.YX);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15}, s);
    }

    private static float value(int x, int y, int c, int z) {
        return 1000 * z + 100 * c + 10 * y + x;
    }

    private static Img<FloatType> ramp(int w, int h, float offset) {
        float[] d = new float[w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = offset + i;
        }
        return ArrayImgs.floats(d, w, h);
    }
}
