package org.deepsplines.mri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CenteredFft2Test {

    static ComplexImage random(int w, int h, long seed) {
        Random rnd = new Random(seed);
        return ComplexImage.wrap(w, h, rnd.doubles((long) w * h, -1, 1).toArray(),
                rnd.doubles((long) w * h, -1, 1).toArray());
    }

    /** Direct evaluation of the centred orthonormal DFT, separably, from its defining formula. */
    static ComplexImage definition(ComplexImage x, boolean inverse) {
        int w = x.width();
        int h = x.height();
        double sign = inverse ? 1 : -1;
        ComplexImage rows = ComplexImage.zeros(w, h);
        for (int y = 0; y < h; y++) {
            for (int u = 0; u < w; u++) {
                double sr = 0;
                double si = 0;
                for (int n = 0; n < w; n++) {
                    double a = sign * 2 * Math.PI * (u - w / 2) * (n - w / 2) / w;
                    sr += x.re(n, y) * Math.cos(a) - x.im(n, y) * Math.sin(a);
                    si += x.re(n, y) * Math.sin(a) + x.im(n, y) * Math.cos(a);
                }
                rows.set(u, y, sr, si);
            }
        }
        ComplexImage out = ComplexImage.zeros(w, h);
        for (int u = 0; u < w; u++) {
            for (int v = 0; v < h; v++) {
                double sr = 0;
                double si = 0;
                for (int n = 0; n < h; n++) {
                    double a = sign * 2 * Math.PI * (v - h / 2) * (n - h / 2) / h;
                    sr += rows.re(u, n) * Math.cos(a) - rows.im(u, n) * Math.sin(a);
                    si += rows.re(u, n) * Math.sin(a) + rows.im(u, n) * Math.cos(a);
                }
                out.set(u, v, sr, si);
            }
        }
        return out.scaleInPlace(1 / Math.sqrt((double) w * h));
    }

    static double maxDiff(ComplexImage a, ComplexImage b) {
        double m = 0;
        for (int k = 0; k < a.size(); k++) {
            m = Math.max(m, Math.hypot(a.re()[k] - b.re()[k], a.im()[k] - b.im()[k]));
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,3", "5,7", "8,8", "16,9", "31,20", "64,33"})
    void matchesTheDefiningFormula(int w, int h) {
        ComplexImage x = random(w, h, w * 100L + h);
        assertEquals(0, maxDiff(definition(x, false), CenteredFft2.forward(x)), 1e-12 * w * h);
        assertEquals(0, maxDiff(definition(x, true), CenteredFft2.inverse(x)), 1e-12 * w * h);
    }

    @ParameterizedTest
    @CsvSource({"181,217", "217,181", "256,256", "7,1", "1,9", "100,60"})
    void isUnitaryAndInvertible(int w, int h) {
        ComplexImage x = random(w, h, 7);
        ComplexImage k = CenteredFft2.forward(x);
        assertEquals(x.norm(), k.norm(), 1e-12 * x.norm(), "Parseval");
        ComplexImage back = CenteredFft2.inverse(k);
        assertEquals(0, maxDiff(x, back), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"181,217", "8,8", "9,4"})
    void deltaAtTheOriginIsAConstant(int w, int h) {
        ComplexImage delta = ComplexImage.zeros(w, h);
        delta.set(w / 2, h / 2, 1, 0);
        ComplexImage k = CenteredFft2.forward(delta);
        double c = 1 / Math.sqrt((double) w * h);
        for (int i = 0; i < k.size(); i++) {
            assertEquals(c, k.re()[i], 1e-14);
            assertEquals(0, k.im()[i], 1e-14);
        }
        // and the DC of a constant image is a single spike at the k-space centre
        ComplexImage constant = ComplexImage.ofReal(w, h, filled(w * h, 1.0));
        ComplexImage kc = CenteredFft2.forward(constant);
        assertEquals(Math.sqrt((double) w * h), kc.re(w / 2, h / 2), 1e-9);
        kc.set(w / 2, h / 2, 0, 0);
        assertEquals(0, kc.maxAbs(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"181,217,3,-5", "16,16,-8,7", "15,10,7,-5", "64,33,1,16"})
    void complexExponentialBecomesADeltaAtTheShiftedFrequency(int w, int h, int fu, int fv) {
        ComplexImage e = ComplexImage.zeros(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = 2 * Math.PI * ((double) fu * (x - w / 2) / w + (double) fv * (y - h / 2) / h);
                e.set(x, y, Math.cos(a), Math.sin(a));
            }
        }
        ComplexImage k = CenteredFft2.forward(e);
        int u = Math.floorMod(w / 2 + fu, w);
        int v = Math.floorMod(h / 2 + fv, h);
        assertEquals(Math.sqrt((double) w * h), k.re(u, v), 1e-9);
        assertEquals(0, k.im(u, v), 1e-9);
        k.set(u, v, 0, 0);
        assertEquals(0, k.maxAbs(), 1e-9);
    }

    @Test
    void floatOverloadAgreesWithDouble() {
        ComplexImage x = random(181, 217, 3);
        float[] re = x.reFloat();
        float[] im = x.imFloat();
        CenteredFft2.forwardInPlace(re, im, 181, 217);
        ComplexImage k = CenteredFft2.forward(ComplexImage.ofFloats(181, 217, x.reFloat(), x.imFloat()));
        for (int i = 0; i < re.length; i++) {
            assertEquals(k.re()[i], re[i], 1e-6);
            assertEquals(k.im()[i], im[i], 1e-6);
        }
        CenteredFft2.inverseInPlace(re, im, 181, 217);
        for (int i = 0; i < re.length; i++) {
            assertEquals(x.re()[i], re[i], 1e-6);
        }
    }

    @Test
    void rejectsArraysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class,
                () -> CenteredFft2.transform(new double[10], new double[10], 3, 4, false));
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
