package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianNoiseTest {

    @Test
    void fixedSigmaHasTheRightMoments() {
        int n = 16;
        int p = 64;
        PatchBatch clean = new PatchBatch(new float[n * p * p], n, p, 2);
        Arrays.fill(clean.data(), 0.5f);
        NoisyBatch nb = GaussianNoise.fixed(0.1, 3).apply(clean);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < nb.noisy().length; i++) {
            double e = nb.noisy()[i] - 0.5;
            sum += e;
            sq += e * e;
        }
        int count = nb.noisy().length;
        assertEquals(0, sum / count, 0.002); // 5 standard errors of the mean
        assertEquals(0.1, Math.sqrt(sq / count), 0.002);
        for (float s : nb.sigmas()) {
            assertEquals(0.1f, s);
        }
        assertEquals(0.5f, clean.data()[0]); // clean batch untouched
    }

    @Test
    void blindSigmaIsDrawnPerSampleAndRecorded() {
        int n = 40;
        int p = 48;
        GaussianNoise noise = new GaussianNoise(5 / 255.0, 50 / 255.0, 11);
        assertTrue(noise.isBlind());
        NoisyBatch nb = noise.apply(new PatchBatch(new float[n * p * p], n, p, 2));
        float lo = Float.MAX_VALUE;
        float hi = 0;
        for (int s = 0; s < n; s++) {
            float sigma = nb.sigmas()[s];
            lo = Math.min(lo, sigma);
            hi = Math.max(hi, sigma);
            double sq = 0;
            for (int i = s * p * p; i < (s + 1) * p * p; i++) {
                sq += nb.noisy()[i] * nb.noisy()[i];
            }
            assertEquals(sigma, Math.sqrt(sq / (p * p)), 0.06 * sigma, "sample " + s); // ~5 standard errors
        }
        assertTrue(lo >= 5 / 255f && hi <= 50 / 255f);
        assertTrue(hi - lo > 20 / 255f, "σ should spread over the range");
    }

    @Test
    void sameSeedSameNoise() {
        float[] clean = new float[3 * 10];
        float[] s1 = new float[3];
        float[] s2 = new float[3];
        float[] a = new GaussianNoise(0.1, 0.3, 42).addNoise(clean, 3, s1);
        float[] b = new GaussianNoise(0.1, 0.3, 42).addNoise(clean, 3, s2);
        assertArrayEquals(a, b);
        assertArrayEquals(s1, s2);
        float[] c = new GaussianNoise(0.1, 0.3, 43).addNoise(clean, 3, s2);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void invalidRanges() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(0.3, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-0.1, 0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianNoise.fixed(0.1, 1).addNoise(new float[10], 3, new float[3]));
    }
}
