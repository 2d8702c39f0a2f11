package org.deepsplines.mri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Fft1dTest {

    /** Textbook O(n^2) DFT used as the reference. */
    static double[][] naiveDft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        double[] or = new double[n];
        double[] oi = new double[n];
        double sign = inverse ? 1 : -1;
        for (int u = 0; u < n; u++) {
            double sr = 0;
            double si = 0;
            for (int k = 0; k < n; k++) {
                double a = sign * 2 * Math.PI * (((long) u * k) % n) / n;
                sr += re[k] * Math.cos(a) - im[k] * Math.sin(a);
                si += re[k] * Math.sin(a) + im[k] * Math.cos(a);
            }
            or[u] = sr;
            oi[u] = si;
        }
        return new double[][] {or, oi};
    }

    @Test
    void matchesNaiveDftForEveryLengthUpTo70AndSomeOddLargeOnes() {
        Random rnd = new Random(1);
        int[] extra = {127, 128, 181, 217, 255, 256, 257, 500, 1000};
        int[] lengths = new int[70 + extra.length];
        for (int i = 0; i < 70; i++) {
            lengths[i] = i + 1;
        }
        System.arraycopy(extra, 0, lengths, 70, extra.length);
        for (int n : lengths) {
            for (boolean inverse : new boolean[] {false, true}) {
                double[] re = rnd.doubles(n, -1, 1).toArray();
                double[] im = rnd.doubles(n, -1, 1).toArray();
                double[][] ref = naiveDft(re, im, inverse);
                double[] r = re.clone();
                double[] i = im.clone();
                Fft1d.of(n).transform(r, i, inverse, Fft1d.of(n).newWorkspace());
                double tol = 1e-11 * n;
                for (int k = 0; k < n; k++) {
                    assertEquals(ref[0][k], r[k], tol, "re, n=" + n + " k=" + k);
                    assertEquals(ref[1][k], i[k], tol, "im, n=" + n + " k=" + k);
                }
            }
        }
    }

    @Test
    void forwardThenInverseGivesNTimesTheInput() {
        Random rnd = new Random(2);
        for (int n : new int[] {3, 64, 181, 1023}) {
            double[] re = rnd.doubles(n).toArray();
            double[] im = rnd.doubles(n).toArray();
            double[] r = re.clone();
            double[] i = im.clone();
            Fft1d f = Fft1d.of(n);
            f.forward(r, i);
            f.inverse(r, i);
            for (int k = 0; k < n; k++) {
                assertEquals(re[k] * n, r[k], 1e-10 * n);
                assertEquals(im[k] * n, i[k], 1e-10 * n);
            }
        }
    }

    @Test
    void rejectsBadLength() {
        assertThrows(IllegalArgumentException.class, () -> Fft1d.of(0));
    }
}
