package org.deepsplines.mri.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.deepsplines.mri.CartesianLineMask;
import org.deepsplines.mri.CenteredFft2;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.SamplingMask;
import org.junit.jupiter.api.Test;

/**
 * Gradients through the FFT normalisation and the fixed-step data-consistency operators must be finite,
 * equal to the analytic adjoint and identical from run to run (constant scalars must stay alive until
 * backward, see {@link GraphScalars}).
 */
class ScalarGradientTest {

    private static ComplexImage random(int w, int h, long seed) {
        Random rnd = new Random(seed);
        return ComplexImage.wrap(w, h, rnd.doubles((long) w * h, -1, 1).toArray(),
                rnd.doubles((long) w * h, -1, 1).toArray());
    }

    @Test
    void gradientsThroughFixedStepsAreFiniteExactAndRepeatable() {
        int w = 37;
        int h = 29;
        double step = 0.6;
        double lambda = 3.0;
        SamplingMask mask = CartesianLineMask.random(3).generate(w, h, 7);
        ComplexImage weight = random(w, h, 1);
        ComplexImage x0 = random(w, h, 2);
        ComplexImage y = mask.apply(CenteredFft2.forward(random(w, h, 3)));
        // d/dx <w, x - step F^H M (M F x - y)> = w - step F^H M F w
        ComplexImage mfw = mask.apply(CenteredFft2.forward(weight));
        ComplexImage expectedStep = weight.minus(CenteredFft2.inverse(mfw).scaleInPlace(step));
        // d/dx <w, F^H (F x + lambda M y) / (1 + lambda M)> = F^H (F w / (1 + lambda M))
        ComplexImage fw = CenteredFft2.forward(weight);
        double[] re = fw.re().clone();
        double[] im = fw.im().clone();
        for (int i = 0; i < re.length; i++) {
            double d = mask.isSampled(i) ? 1 + lambda : 1;
            re[i] /= d;
            im[i] /= d;
        }
        ComplexImage expectedWeighted = CenteredFft2.inverse(ComplexImage.wrap(w, h, re, im));

        float[] first = null;
        try (NDManager base = NDManager.newBaseManager()) {
            for (int run = 0; run < 6; run++) {
                try (NDManager m = base.newSubManager()) {
                    NDArray x = NDComplex.fromImage(m, x0);
                    x.setRequiresGradient(true);
                    NDUndersampledFourier a = new NDUndersampledFourier(NDFourier2d.fft(), NDComplex.mask(m, mask));
                    NDArray ny = NDComplex.fromImage(m, y);
                    NDArray nw = NDComplex.fromImage(m, weight);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = a.gradientStep(x, ny, step).mul(nw).sum()
                                .add(a.weightedConsistency(x, ny, lambda).mul(nw).sum());
                        churnJavaMemory(base);
                        gc.backward(out);
                    }
                    float[] g = x.getGradient().toFloatArray();
                    for (float v : g) {
                        assertTrue(Float.isFinite(v), "gradient must be finite");
                    }
                    ComplexImage grad = NDComplex.toImage(x.getGradient());
                    ComplexImage expected = expectedStep.minus(expectedWeighted.copy().scaleInPlace(-1));
                    assertEquals(0, grad.minus(expected).maxAbs(), 2e-5, "run " + run);
                    if (first == null) {
                        first = g;
                    } else {
                        assertTrue(java.util.Arrays.equals(first, g), "run " + run + " differs from the first run");
                    }
                }
            }
        }
    }

    /** Allocates Java-backed scalars and buffers so that released memory is reused before backward. */
    private static void churnJavaMemory(NDManager base) {
        System.gc(); // released direct buffers are freed by the collector
        try (NDManager tmp = base.newSubManager()) {
            for (int i = 0; i < 200; i++) {
                tmp.create(Double.NaN);
                tmp.create(Float.NaN);
                tmp.create(new double[] {Double.NaN, 1e300});
            }
        }
    }
}
