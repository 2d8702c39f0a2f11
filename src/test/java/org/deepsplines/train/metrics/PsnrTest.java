package org.deepsplines.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PsnrTest {

    @Test
    void identicalImagesHaveInfinitePsnr() {
        float[] a = {1, 2, 3, 250};
        assertEquals(Double.POSITIVE_INFINITY, Psnr.compute(a, a.clone(), 255));
    }

    @Test
    void constantOffsetGivesTheAnalyticValue() {
        float[] a = new float[100];
        float[] b = new float[100];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
            b[i] = i + 5;
        }
        // MSE = 25, PSNR = 10 log10(255² / 25) = 20 log10(51)
        assertEquals(20 * Math.log10(51), Psnr.compute(a, b, 255), 1e-12);
        assertEquals(34.15140352195873, Psnr.compute(a, b, 255), 1e-12);
        // scaling data and range together leaves PSNR unchanged
        float[] a2 = new float[100];
        float[] b2 = new float[100];
        for (int i = 0; i < a.length; i++) {
            a2[i] = a[i] / 255f;
            b2[i] = b[i] / 255f;
        }
        assertEquals(Psnr.compute(a, b, 255), Psnr.compute(a2, b2, 1), 1e-4);
    }

    @Test
    void knownMixedErrors() {
        float[] a = new float[4];
        float[] b = {1, -1, 2, 0}; // MSE = 6/4
        assertEquals(10 * Math.log10(1 / 1.5), Psnr.compute(a, b, 1), 1e-12);
        float[] big = new float[1000];
        Arrays.fill(big, 0.5f);
        assertEquals(20 * Math.log10(1 / 0.5), Psnr.compute(new float[1000], big, 1), 1e-12);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Psnr.compute(new float[3], new float[4], 1));
        assertThrows(IllegalArgumentException.class, () -> Psnr.compute(new float[0], new float[0], 1));
        assertThrows(IllegalArgumentException.class, () -> Psnr.compute(new float[3], new float[3], 0));
    }
}
