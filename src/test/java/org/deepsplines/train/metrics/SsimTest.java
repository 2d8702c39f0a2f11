package org.deepsplines.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SsimTest {

    private static final int W = 40;
    private static final int H = 32;

    /** A smooth test pattern and a distorted copy, defined by formulas so other tools can rebuild them. */
    private static float[][] pair() {
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                a[i] = (float) (0.5 + 0.3 * Math.sin(0.21 * x + 0.05 * y) * Math.cos(0.13 * y));
                b[i] = (float) ((double) a[i] + 0.05 * Math.sin(1.7 * x + 2.3 * y) + 0.1 * Math.cos(0.07 * x * y));
            }
        }
        return new float[][] {a, b};
    }

    @Test
    void identicalImagesScoreOne() {
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[W * H];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        assertEquals(1.0, Ssim.compute(a, a.clone(), W, H, 1.0), 1e-12);
    }

    @Test
    void constantImagesMatchTheLuminanceTerm() {
        float[] x = new float[W * H];
        float[] y = new float[W * H];
        Arrays.fill(x, 0.3f);
        Arrays.fill(y, 0.5f);
        double mx = 0.3f;
        double my = 0.5f;
        double c1 = 0.01 * 0.01;
        // zero variances: the structure term is C2 / C2 = 1
        double expected = (2 * mx * my + c1) / (mx * mx + my * my + c1);
        assertEquals(expected, Ssim.compute(x, y, W, H, 1.0), 1e-9);
    }

    @Test
    void matchesAGaussianFilterReferenceImplementation() {
        float[][] p = pair();
        // computed with scipy.ndimage.gaussian_filter(sigma=1.5, truncate=3.5), population moments,
        // 5-pixel border cropped: the scikit-image gaussian_weights=True convention
        assertEquals(0.503967262616945, Ssim.compute(p[0], p[1], W, H, 1.0), 1e-6);
        assertEquals(0.6035035066576983, Ssim.compute(p[0], p[1], W, H, 2.0), 1e-6);
        assertEquals(22.067590748797446, Psnr.compute(p[0], p[1], 1.0), 1e-4);
    }

    @Test
    void invariances() {
        float[][] p = pair();
        double s = Ssim.compute(p[0], p[1], W, H, 1.0);
        assertEquals(s, Ssim.compute(p[1], p[0], W, H, 1.0), 1e-12, "symmetric");
        // scaling the data together with the data range changes nothing
        float[] a = new float[p[0].length];
        float[] b = new float[p[0].length];
        for (int i = 0; i < a.length; i++) {
            a[i] = p[0][i] * 255f;
            b[i] = p[1][i] * 255f;
        }
        assertEquals(s, Ssim.compute(a, b, W, H, 255.0), 1e-5);
        // transposing both images permutes the valid-region map but not its mean
        assertEquals(s, Ssim.compute(transpose(p[0]), transpose(p[1]), H, W, 1.0), 1e-9);
        assertTrue(s < 1 && s > 0);
    }

    @Test
    void stacksAverageTheirSlices() {
        float[][] p = pair();
        float[] ref = new float[2 * W * H];
        float[] test = new float[2 * W * H];
        System.arraycopy(p[0], 0, ref, 0, W * H);
        System.arraycopy(p[1], 0, test, 0, W * H);
        System.arraycopy(p[0], 0, ref, W * H, W * H);
        System.arraycopy(p[0], 0, test, W * H, W * H); // second slice identical: SSIM 1
        double s0 = Ssim.compute(p[0], p[1], W, H, 1.0);
        assertEquals((s0 + 1) / 2, Ssim.computeStack(ref, test, W, H, 2, 1.0), 1e-12);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(new float[100], new float[100], 10, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(new float[144], new float[143], 12, 12, 1));
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(new float[144], new float[144], 12, 11, 1));
        assertThrows(IllegalArgumentException.class, () -> Ssim.compute(new float[144], new float[144], 12, 12, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Ssim.computeStack(new float[288], new float[288], 12, 12, 3, 1));
    }

    private static float[] transpose(float[] a) {
        float[] t = new float[a.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                t[x * H + y] = a[y * W + x];
            }
        }
        return t;
    }
}
