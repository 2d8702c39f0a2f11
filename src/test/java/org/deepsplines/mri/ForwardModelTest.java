package org.deepsplines.mri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The measurement operator, zero filling, noise and simulated acquisitions. */
class ForwardModelTest {

    static double realInner(ComplexImage a, ComplexImage b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) {
            s += a.re()[k] * b.re()[k] + a.im()[k] * b.im()[k];
        }
        return s;
    }

    @Test
    void adjointSatisfiesTheInnerProductIdentity() {
        SamplingMask mask = RandomPointsMask.of(3).generate(45, 38, 4);
        UndersampledFourier a = new UndersampledFourier(mask);
        ComplexImage x = CenteredFft2Test.random(45, 38, 1);
        ComplexImage y = mask.apply(CenteredFft2Test.random(45, 38, 2));
        assertEquals(realInner(a.forward(x), y), realInner(x, a.adjoint(y)), 1e-10);
        // A A^H = M on sampled data: applying the operator to the zero-filled image returns the data
        ComplexImage back = a.forward(a.adjoint(y));
        assertEquals(0, back.minus(y).maxAbs(), 1e-12);
    }

    @Test
    void zeroFilledOfFullySampledDataIsTheImage() {
        ComplexImage x = CenteredFft2Test.random(31, 17, 3);
        SamplingMask full = SamplingMask.full(31, 17);
        ComplexImage zf = ZeroFilledReconstruction.complex(CenteredFft2.forward(x), full);
        assertEquals(0, zf.minus(x).maxAbs(), 1e-12);
        double[] mag = ZeroFilledReconstruction.magnitude(CenteredFft2.forward(x), full);
        assertEquals(Math.hypot(x.re()[5], x.im()[5]), mag[5], 1e-12);
    }

    @Test
    void badInputsGiveClearMessages() {
        ComplexImage k = ComplexImage.zeros(16, 16);
        SamplingMask mask = CartesianLineMask.random(4).generate(16, 16, 0);
        k.set(8, 8, Double.NaN, 0);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ZeroFilledReconstruction.complex(k, mask));
        assertTrue(nan.getMessage().contains("NaN") && nan.getMessage().contains("x=8, y=8"), nan.getMessage());

        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ZeroFilledReconstruction.complex(ComplexImage.zeros(16, 15), mask));
        assertTrue(size.getMessage().contains("16x16") && size.getMessage().contains("16x15"), size.getMessage());

        SamplingMask empty = SamplingMask.of(16, 16, new boolean[256], null);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ZeroFilledReconstruction.complex(ComplexImage.zeros(16, 16), empty));
        assertTrue(zero.getMessage().contains("all zero"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TvCompressedSensing().reconstruct(ComplexImage.zeros(16, 16), empty));
    }

    @Test
    void noiseHasTheRequestedSigmaOnSampledEntriesOnly() {
        int w = 200;
        int h = 150;
        ComplexImage k = ComplexImage.zeros(w, h);
        SamplingMask mask = CartesianLineMask.random(2.5).generate(w, h, 1);
        ComplexImage noisy = KSpaceNoise.add(k, mask, 0.7, 99);
        double sr = 0;
        double si = 0;
        double cross = 0;
        int n = 0;
        for (int i = 0; i < k.size(); i++) {
            if (mask.isSampled(i)) {
                sr += noisy.re()[i] * noisy.re()[i];
                si += noisy.im()[i] * noisy.im()[i];
                cross += noisy.re()[i] * noisy.im()[i];
                n++;
            } else {
                assertEquals(0, noisy.re()[i]);
                assertEquals(0, noisy.im()[i]);
            }
        }
        assertEquals(0.7, Math.sqrt(sr / n), 0.02);
        assertEquals(0.7, Math.sqrt(si / n), 0.02);
        assertEquals(0, cross / n, 0.02);
        // reproducible, and the same noise at a point whatever the mask
        assertEquals(noisy, KSpaceNoise.add(k, mask, 0.7, 99));
        ComplexImage everywhere = KSpaceNoise.add(k, null, 0.7, 99);
        int first = 0;
        while (!mask.isSampled(first)) {
            first++;
        }
        assertEquals(everywhere.re()[first], noisy.re()[first]);
    }

    @Test
    void snrAndSigmaAreInverse() {
        ComplexImage k = CenteredFft2.forward(CenteredFft2Test.random(64, 64, 5));
        SamplingMask mask = RadialMask.goldenAngle(4).generate(64, 64, 0);
        double sigma = KSpaceNoise.sigmaForSnrDb(k, mask, 20);
        assertEquals(20, KSpaceNoise.snrDb(k, mask, sigma), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> KSpaceNoise.add(k, mask, -1, 0));
    }

    @Test
    void simulatedAcquisitionIsMaskedAndItsZeroFilledImageIsCloseAtLowAcceleration() {
        ComplexImage x = ComplexImage.zeros(64, 48);
        for (int y = 12; y < 36; y++) {
            for (int c = 16; c < 48; c++) {
                x.set(c, y, 100, 0);
            }
        }
        SamplingMask mask = CartesianLineMask.random(2).generate(64, 48, 0);
        Acquisition acq = Acquisition.simulate(x, mask, 0, 0);
        for (int i = 0; i < x.size(); i++) {
            if (!mask.isSampled(i)) {
                assertEquals(0, acq.kspace().re()[i]);
            }
        }
        double psnr = ReconstructionMetrics.psnr(x.magnitude(), acq.zeroFilled().magnitude());
        assertTrue(psnr > 15 && Double.isFinite(psnr), "psnr " + psnr);
        ComplexImage bad = x.copy();
        bad.set(0, 0, Double.NaN, 0);
        assertThrows(IllegalArgumentException.class, () -> Acquisition.simulate(bad, mask, 0, 0));
    }
}
