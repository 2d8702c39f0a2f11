package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

class TiledInferenceTest {

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        return a;
    }

    /** Reflection without edge repeat, written independently of the class under test. */
    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * (n - 1) - i;
        }
        return i;
    }

    /** (2r+1)² box mean with zero padding outside the given (tile) array: what a conv layer does. */
    private static float[] boxMeanZeroPadded(float[] a, int h, int w, int r) {
        float[] o = new float[a.length];
        float norm = (2 * r + 1) * (2 * r + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            s += a[yy * w + xx];
                        }
                    }
                }
                o[y * w + x] = s / norm;
            }
        }
        return o;
    }

    /** The same box mean on the whole image with mirror boundary handling: the reference. */
    private static float[] boxMeanMirror(float[] a, int h, int w, int r) {
        float[] o = new float[a.length];
        float norm = (2 * r + 1) * (2 * r + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        s += a[reflect(y + dy, h) * w + reflect(x + dx, w)];
                    }
                }
                o[y * w + x] = s / norm;
            }
        }
        return o;
    }

    private static TileFunction boxMeanTiles(int r) {
        return (tile, shape) -> boxMeanZeroPadded(tile, (int) shape[2], (int) shape[3], r);
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void identityReproducesTheImage() {
        int h = 91;
        int w = 137;
        float[] img = random(h * w, 1);
        TiledInference t = new TiledInference(4).tileSize(32);
        assertTrue(t.plan(h, w).tileCount() > 12);
        float[] out = t.apply2D(img, 1, h, w, (tile, shape) -> tile.clone());
        assertTrue(maxAbsDiff(img, out) < 1e-6, "max error " + maxAbsDiff(img, out));
    }

    @Test
    void pointwiseFunctionEqualsWholeImageApplication() {
        int h = 70;
        int w = 50;
        float[] img = random(h * w, 2);
        float[] out = new TiledInference(3).tileSize(20).apply2D(img, 1, h, w, (tile, shape) -> {
            float[] o = new float[tile.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = tile[i] * tile[i];
            }
            return o;
        });
        for (int i = 0; i < img.length; i++) {
            assertEquals(img[i] * img[i], out[i], 1e-6);
        }
    }

    @Test
    void localFilterEqualsWholeImageMirrorFilteringWhenMarginSuffices() {
        int h = 83;
        int w = 61;
        float[] img = random(h * w, 3);
        for (int r = 1; r <= 2; r++) {
            float[] expected = boxMeanMirror(img, h, w, r);
            float[] out = new TiledInference(r).tileSize(24).apply2D(img, 1, h, w, boxMeanTiles(r));
            assertTrue(maxAbsDiff(expected, out) < 1e-5, "r=" + r + " max error " + maxAbsDiff(expected, out));
        }
        // a margin smaller than the filter radius shows seams: the test above is not trivially true
        float[] bad = new TiledInference(0).tileSize(24).apply2D(img, 1, h, w, boxMeanTiles(1));
        assertTrue(maxAbsDiff(boxMeanMirror(img, h, w, 1), bad) > 0.05);
    }

    @Test
    void smallImagesArePaddedByReflection() {
        int h = 5;
        int w = 7;
        float[] img = random(h * w, 4);
        List<long[]> shapes = new ArrayList<>();
        TileFunction f = (tile, shape) -> {
            shapes.add(shape);
            return boxMeanZeroPadded(tile, (int) shape[2], (int) shape[3], 2);
        };
        float[] expected = boxMeanMirror(img, h, w, 2);
        float[] fixed = new TiledInference(2).tileSize(32).fixedTileShape(true).apply2D(img, 1, h, w, f);
        assertArrayEquals(new long[] {1, 1, 32, 32}, shapes.get(0));
        assertTrue(maxAbsDiff(expected, fixed) < 1e-6);
        float[] shrunk = new TiledInference(2).tileSize(32).apply2D(img, 1, h, w, f);
        assertArrayEquals(new long[] {1, 1, 9, 11}, shapes.get(1)); // image plus the margins
        assertTrue(maxAbsDiff(expected, shrunk) < 1e-6);
    }

    @Test
    void onePixelThinImages() {
        for (int[] hw : new int[][] {{1, 50}, {50, 1}, {1, 1}}) {
            int h = hw[0];
            int w = hw[1];
            float[] img = random(h * w, 5);
            float[] out = new TiledInference(1).tileSize(8).apply2D(img, 1, h, w, boxMeanTiles(1));
            assertTrue(maxAbsDiff(boxMeanMirror(img, h, w, 1), out) < 1e-6, h + "x" + w);
        }
    }

    @Test
    void volumesUse3dTiles() {
        int d = 13;
        int h = 17;
        int w = 19;
        float[] img = random(d * h * w, 6);
        TiledInference t = new TiledInference(1).tileSize(8);
        assertEquals(3, t.plan(d, h, w).axes().size());
        List<long[]> shapes = new ArrayList<>();
        float[] out = t.apply3D(img, 1, d, h, w, (tile, shape) -> {
            shapes.add(shape);
            int td = (int) shape[2];
            int th = (int) shape[3];
            int tw = (int) shape[4];
            float[] o = new float[tile.length];
            for (int z = 0; z < td; z++) {
                for (int y = 0; y < th; y++) {
                    for (int x = 0; x < tw; x++) {
                        float s = 0;
                        for (int dz = -1; dz <= 1; dz++) {
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    int zz = z + dz;
                                    int yy = y + dy;
                                    int xx = x + dx;
                                    if (zz >= 0 && zz < td && yy >= 0 && yy < th && xx >= 0 && xx < tw) {
                                        s += tile[(zz * th + yy) * tw + xx];
                                    }
                                }
                            }
                        }
                        o[(z * th + y) * tw + x] = s / 27;
                    }
                }
            }
            return o;
        });
        assertArrayEquals(new long[] {1, 1, 8, 8, 8}, shapes.get(0));
        assertEquals(t.plan(d, h, w).tileCount(), shapes.size());
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int dz = -1; dz <= 1; dz++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                s += img[(reflect(z + dz, d) * h + reflect(y + dy, h)) * w + reflect(x + dx, w)];
                            }
                        }
                    }
                    assertEquals(s / 27, out[(z * h + y) * w + x], 1e-5, "at " + x + "," + y + "," + z);
                }
            }
        }
    }

    @Test
    void channelsInAndOut() {
        int h = 30;
        int w = 40;
        float[] img = random(2 * h * w, 7);
        float[] out = new TiledInference(2).tileSize(16).outputChannels(1).apply2D(img, 2, h, w, (tile, shape) -> {
            assertEquals(2, shape[1]);
            int n = (int) (shape[2] * shape[3]);
            float[] o = new float[n];
            for (int i = 0; i < n; i++) {
                o[i] = tile[i] - tile[n + i];
            }
            return o;
        });
        assertEquals(h * w, out.length);
        for (int i = 0; i < h * w; i++) {
            assertEquals(img[i] - img[h * w + i], out[i], 1e-6);
        }
    }

    @Test
    void imgLib2Convenience() {
        Img<FloatType> img = ArrayImgs.floats(random(45 * 33, 8), 45, 33);
        Img<FloatType> out = new TiledInference(1).tileSize(16).apply(img, ImageLayout.YX, (t, s) -> t.clone());
        assertArrayEquals(new long[] {45, 33}, out.dimensionsAsLongArray());
        assertTrue(maxAbsDiff(ImgTensors.backingArray(img), ImgTensors.backingArray(out)) < 1e-6);
    }

    @Test
    void progressAndCancellation() {
        int h = 64;
        int w = 64;
        float[] img = random(h * w, 9);
        TiledInference t = new TiledInference(2).tileSize(24);
        long tiles = t.plan(h, w).tileCount();
        List<Double> fractions = new ArrayList<>();
        t.progress(fractions::add).apply2D(img, 1, h, w, (tile, s) -> tile);
        assertEquals(tiles, fractions.size());
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1));
        }
        AtomicInteger calls = new AtomicInteger();
        TiledInference c = new TiledInference(2).tileSize(24).cancelledWhen(() -> calls.get() >= 3);
        assertThrows(CancellationException.class,
                () -> c.apply2D(img, 1, h, w, (tile, s) -> {
                    calls.incrementAndGet();
                    return tile;
                }));
        assertEquals(3, calls.get());
    }

    @Test
    void largeImagePlanFromAMemoryBudget() {
        long budget = 1 << 20;
        double bytesPerPixel = 64; // 16384 pixels per tile: 128 x 128
        TiledInference t = new TiledInference(8).memoryBudget(budget, bytesPerPixel);
        TilePlan plan = t.plan(4096, 4096);
        assertArrayEquals(new int[] {128, 128}, plan.tileShape());
        assertTrue(plan.tilePixels() * bytesPerPixel <= budget);
        for (TilePlan.Axis a : plan.axes()) {
            assertEquals(112, a.core());
            // fewest tiles with cores overlapping by at least the blend (8): ceil((4096-112)/104)+1 = 40
            assertEquals(40, a.count());
            assertTrue(a.minCoreOverlap() >= 8);
            assertEquals(0, a.coreStarts()[0]);
            assertEquals(4096, a.coreStarts()[a.count() - 1] + a.core());
        }
        assertEquals(1600, plan.tileCount());
        // 3D: cube root of the budget
        assertArrayEquals(new int[] {25, 25, 25}, new TiledInference(2).memoryBudget(budget, bytesPerPixel)
                .plan(300, 300, 300).tileShape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TiledInference(20).memoryBudget(4096, 4).plan(100, 100));
        assertTrue(e.getMessage().contains("memory budget"), e.getMessage());
    }

    @Test
    void mirrorIndexing() {
        assertEquals(1, TiledInference.mirror(-1, 5));
        assertEquals(3, TiledInference.mirror(5, 5));
        assertEquals(0, TiledInference.mirror(8, 5));
        assertEquals(2, TiledInference.mirror(-14, 5));
        assertEquals(0, TiledInference.mirror(7, 1));
        for (int i = -30; i < 30; i++) {
            assertEquals(reflect(i, 4), TiledInference.mirror(i, 4));
        }
    }
}
