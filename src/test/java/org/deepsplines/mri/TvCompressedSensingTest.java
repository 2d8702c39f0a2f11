package org.deepsplines.mri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TvCompressedSensingTest {

    @Test
    void beatsZeroFillingByMoreThanTwoDecibelsOnABrainSliceAt4xCartesian() throws Exception {
        ComplexImage x = MriTestData.slice("colin27_t1_axial_z080.png");
        SamplingMask mask = CartesianLineMask.random(4).generate(x.width(), x.height(), 1);
        Acquisition acq = Acquisition.simulate(x, mask, 0, 0);
        double zf = ReconstructionMetrics.psnr(x.magnitude(), acq.zeroFilled().magnitude());
        long t0 = System.nanoTime();
        TvCompressedSensing.Result r = new TvCompressedSensing().reconstruct(acq.kspace(), mask);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double tv = ReconstructionMetrics.psnr(x.magnitude(), r.image().magnitude());
        System.out.printf("TV-CS 4x cartesian on %dx%d: zero-filled %.2f dB, TV %.2f dB, %d iterations, %.2f s%n",
                x.width(), x.height(), zf, tv, r.iterations(), seconds);
        assertTrue(tv > zf + 2, "TV " + tv + " dB vs zero-filled " + zf + " dB");
        assertTrue(seconds < 20, "took " + seconds + " s");
        // the objective it minimises is lower than at the zero-filled start
        TvCompressedSensing solver = new TvCompressedSensing();
        assertTrue(r.objective() < solver.objective(acq.zeroFilled(), acq.kspace(), mask, r.lambda()));
    }

    @Test
    void anisotropicTvAlsoHelpsOnNoisyData() throws Exception {
        ComplexImage x = MriTestData.slice("brainweb_pd_slice_itk.png");
        SamplingMask mask = RandomPointsMask.of(4).generate(x.width(), x.height(), 3);
        Acquisition acq = Acquisition.simulate(x, mask, 3, 4);
        double zf = ReconstructionMetrics.psnr(x.magnitude(), acq.zeroFilled().magnitude());
        TvParameters p = TvParameters.defaults().withNorm(TvNorm.ANISOTROPIC).withRelativeLambda(0.01);
        double tv = ReconstructionMetrics.psnr(x.magnitude(),
                new TvCompressedSensing(p).reconstruct(acq.kspace(), mask).image().magnitude());
        assertTrue(tv > zf + 2, "TV " + tv + " dB vs zero-filled " + zf + " dB");
    }

    @Test
    void zeroLambdaIsTheZeroFilledImage() {
        ComplexImage x = CenteredFft2Test.random(20, 24, 1);
        SamplingMask mask = CartesianLineMask.random(3).generate(20, 24, 0);
        ComplexImage k = CenteredFft2.forward(x);
        TvCompressedSensing.Result r = new TvCompressedSensing(TvParameters.defaults().withRelativeLambda(0))
                .reconstruct(k, mask);
        assertEquals(0, r.image().minus(ZeroFilledReconstruction.complex(k, mask)).maxAbs(), 1e-12);
    }

    @Test
    void piecewiseConstantImageIsRecoveredAlmostExactlyFromRandomPoints() {
        int n = 64;
        ComplexImage x = ComplexImage.zeros(n, n);
        for (int y = 0; y < n; y++) {
            for (int c = 0; c < n; c++) {
                double v = (c > 15 && c < 40 && y > 10 && y < 50) ? 1 : 0;
                v += (Math.hypot(c - 44, y - 30) < 9) ? 0.5 : 0;
                x.set(c, y, v, 0);
            }
        }
        SamplingMask mask = RandomPointsMask.of(3).generate(n, n, 7);
        Acquisition acq = Acquisition.simulate(x, mask, 0, 0);
        TvParameters p = TvParameters.defaults().withRelativeLambda(0.0005).withMaxIterations(500)
                .withTolerance(1e-6);
        ComplexImage rec = new TvCompressedSensing(p).reconstruct(acq.kspace(), mask).image();
        double nrmse = ReconstructionMetrics.nrmse(x.magnitude(), rec.magnitude());
        double zf = ReconstructionMetrics.nrmse(x.magnitude(), acq.zeroFilled().magnitude());
        assertTrue(nrmse < 0.05 && nrmse < zf / 4, "TV nrmse " + nrmse + ", zero-filled " + zf);
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> TvParameters.defaults().withRelativeLambda(-1));
        assertThrows(IllegalArgumentException.class, () -> TvParameters.defaults().withRho(0));
        assertThrows(IllegalArgumentException.class, () -> TvParameters.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> TvParameters.defaults().withNorm(null));
    }
}
