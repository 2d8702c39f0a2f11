package org.deepsplines.mri.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.deepsplines.mri.CartesianLineMask;
import org.deepsplines.mri.CenteredFft2;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.ZeroFilledReconstruction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NDFourierTest {
    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static ComplexImage random(int w, int h, long seed) {
        Random rnd = new Random(seed);
        return ComplexImage.wrap(w, h, rnd.doubles((long) w * h, -1, 1).toArray(),
                rnd.doubles((long) w * h, -1, 1).toArray());
    }

    static double maxDiff(ComplexImage a, ComplexImage b) {
        return a.minus(b).maxAbs();
    }

    static NDFourier2d[] both(NDManager m, int h, int w) {
        return new NDFourier2d[] {NDFourier2d.fft(), NDFourier2d.dftMatrices(m, h, w)};
    }

    @ParameterizedTest
    @CsvSource({"5,7", "8,8", "181,217", "64,33", "1,6"})
    void bothImplementationsMatchThePureJavaTransform(int w, int h) {
        try (NDManager m = manager.newSubManager()) {
            ComplexImage x = random(w, h, w + 31L * h);
            ComplexImage k = CenteredFft2.forward(x);
            NDArray nx = NDComplex.fromImage(m, x);
            NDArray nk = NDComplex.fromImage(m, k);
            for (NDFourier2d f : both(m, h, w)) {
                double scale = Math.max(1, k.maxAbs());
                assertEquals(0, maxDiff(k, NDComplex.toImage(f.forward(nx))), 2e-5 * scale, f.getClass().getName());
                assertEquals(0, maxDiff(x, NDComplex.toImage(f.inverse(nk))), 2e-5, f.getClass().getName());
            }
        }
    }

    @Test
    void isUnitaryOnBatchesAndRoundTrips() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(3, 4, 2, 45, 38));
            for (NDFourier2d f : both(m, 45, 38)) {
                NDArray k = f.forward(x);
                assertEquals(x.getShape(), k.getShape());
                double nx = x.square().sum().getFloat();
                double nk = k.square().sum().getFloat();
                assertEquals(nx, nk, 1e-5 * nx);
                assertEquals(0, f.inverse(k).sub(x).abs().max().getFloat(), 1e-5);
            }
        }
    }

    @Test
    void gradientIsTheAdjointForBothImplementations() {
        int w = 21;
        int h = 16;
        ComplexImage weight = random(w, h, 3);
        ComplexImage expected = CenteredFft2.inverse(weight); // d/dx <w, F x> = F^H w
        for (int impl = 0; impl < 2; impl++) {
            try (NDManager m = manager.newSubManager()) {
                NDFourier2d f = both(m, h, w)[impl];
                NDArray x = NDComplex.fromImage(m, random(w, h, 4));
                x.setRequiresGradient(true);
                NDArray wk = NDComplex.fromImage(m, weight);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(f.forward(x).mul(wk).sum());
                }
                assertEquals(0, maxDiff(expected, NDComplex.toImage(x.getGradient())), 1e-5, "implementation " + impl);
            }
        }
    }

    @Test
    void dataConsistencyStepsAgreeWithTheirDefinitions() {
        int w = 40;
        int h = 30;
        SamplingMask mask = CartesianLineMask.random(3).generate(w, h, 2);
        ComplexImage truth = random(w, h, 5);
        ComplexImage y = mask.apply(CenteredFft2.forward(truth));
        ComplexImage guess = random(w, h, 6);
        try (NDManager m = manager.newSubManager()) {
            NDArray nm = NDComplex.mask(m, mask);
            NDArray ny = NDComplex.fromImage(m, y);
            NDArray nx = NDComplex.fromImage(m, guess);
            for (NDFourier2d f : both(m, h, w)) {
                NDUndersampledFourier a = new NDUndersampledFourier(f, nm);
                ComplexImage zf = ZeroFilledReconstruction.complex(y, mask);
                assertEquals(0, maxDiff(zf, NDComplex.toImage(a.adjoint(ny))), 1e-5);

                NDArray hard = a.replaceSampled(nx, ny);
                ComplexImage hk = CenteredFft2.forward(NDComplex.toImage(hard));
                ComplexImage gk = CenteredFft2.forward(guess);
                for (int i = 0; i < hk.size(); i++) {
                    double er = mask.isSampled(i) ? y.re()[i] : gk.re()[i];
                    assertEquals(er, hk.re()[i], 1e-5);
                }
                assertEquals(0, hard.sub(a.gradientStep(nx, ny, 1.0)).abs().max().getFloat(), 1e-5);
                assertEquals(0, nx.sub(a.weightedConsistency(nx, ny, 0.0)).abs().max().getFloat(), 1e-5);
                assertEquals(0, hard.sub(a.weightedConsistency(nx, ny, 1e6)).abs().max().getFloat(), 1e-4);
                NDArray half = a.weightedConsistency(nx, ny, m.create(1f));
                // lambda = 1 averages measured and current k-space on sampled points
                ComplexImage sk = CenteredFft2.forward(NDComplex.toImage(half));
                int s = 0;
                while (!mask.isSampled(s)) {
                    s++;
                }
                assertEquals((y.re()[s] + gk.re()[s]) / 2, sk.re()[s], 1e-5);
                // the forward operator zeroes unsampled entries
                ComplexImage ak = NDComplex.toImage(a.forward(nx));
                assertEquals(0, maxDiff(mask.apply(gk), ak), 1e-5);
            }
        }
    }

    @Test
    void perItemMasksBroadcastOverABatch() {
        int w = 24;
        int h = 20;
        SamplingMask m1 = CartesianLineMask.random(4).generate(w, h, 1);
        SamplingMask m2 = CartesianLineMask.random(4).generate(w, h, 2);
        ComplexImage x1 = random(w, h, 1);
        ComplexImage x2 = random(w, h, 2);
        try (NDManager m = manager.newSubManager()) {
            NDArray masks = NDArrays.stack(new NDList(NDComplex.mask(m, m1), NDComplex.mask(m, m2))).expandDims(1);
            NDArray xs = NDArrays.stack(new NDList(NDComplex.fromImage(m, x1), NDComplex.fromImage(m, x2)));
            NDArray zf = new NDUndersampledFourier(NDFourier2d.fft(), masks)
                    .adjoint(new NDUndersampledFourier(NDFourier2d.fft(), masks).forward(xs));
            ComplexImage expect2 = ZeroFilledReconstruction.complex(CenteredFft2.forward(x2), m2);
            assertEquals(0, maxDiff(expect2, NDComplex.toImage(zf.get(1))), 1e-5);
        }
    }

    @Test
    void complexArithmeticAndLayouts() {
        try (NDManager m = manager.newSubManager()) {
            ComplexImage a = random(6, 5, 1);
            ComplexImage b = random(6, 5, 2);
            NDArray na = NDComplex.fromImage(m, a);
            NDArray prod = NDComplex.multiply(na, NDComplex.fromImage(m, b));
            ComplexImage p = NDComplex.toImage(prod);
            assertEquals(a.re()[7] * b.re()[7] - a.im()[7] * b.im()[7], p.re()[7], 1e-6);
            assertEquals(a.re()[7] * b.im()[7] + a.im()[7] * b.re()[7], p.im()[7], 1e-6);
            assertEquals(a.magnitude()[3], NDComplex.magnitude(na).toFloatArray()[3], 1e-6);
            assertEquals(-a.im()[2], NDComplex.toImage(NDComplex.conj(na)).im()[2], 1e-6);
            NDArray last = NDComplex.toLastAxis(na);
            assertEquals(new Shape(5, 6, 2), last.getShape());
            assertEquals(a.im()[6 + 2], last.get(1, 2, 1).getFloat(), 1e-6);
            assertEquals(0, NDComplex.fromLastAxis(last).sub(na).abs().max().getFloat());
            assertThrows(IllegalArgumentException.class, () -> NDFourier2d.fft().forward(m.zeros(new Shape(3, 4, 4))));
            try (DftMatrixFourier2d d = NDFourier2d.dftMatrices(m, 5, 6)) {
                assertThrows(IllegalArgumentException.class, () -> d.forward(m.zeros(new Shape(2, 6, 5))));
            }
            assertTrue(NDComplex.magnitude(m.zeros(new Shape(2, 2, 2)), 1e-12).sum().getFloat() < 1e-5);
        }
    }
}
