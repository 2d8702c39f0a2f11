package org.deepsplines.mri.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.deepsplines.mri.CenteredFft2;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.nn.ParameterCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MriNetworksTest {

    @ParameterizedTest
    @CsvSource({"181,217", "37,53", "32,32"})
    void unrolledOutputKeepsTheMeasuredSamplesAtAnySize(int w, int h) {
        MriSlice truth = MriTestSlices.phantoms(1, w, h, w).get(0);
        SamplingMask mask = MaskType.CARTESIAN.generator(4, null, null).generate(w, h, 3);
        MriNetworkConfig cfg = MriNetworkConfig.unrolled(MriTestSlices.cnn(MriTestSlices.spline(), 3, 8), 2, false,
                DataConsistencyKind.HARD);
        MriExample ex = MriExample.simulate(truth.image(), mask);
        try (MriReconstructionModel model = MriReconstructionModel.untrained(cfg, MriSampling.of(MaskType.CARTESIAN, 4), 5)) {
            ComplexImage rec = ex.denormalize(model.run(ex));
            assertEquals(w, rec.width());
            assertEquals(h, rec.height());
            ComplexImage k = CenteredFft2.forward(rec);
            ComplexImage y = CenteredFft2.forward(truth.image());
            double worst = 0;
            for (int i = 0; i < k.size(); i++) {
                if (mask.isSampled(i)) {
                    worst = Math.max(worst, Math.hypot(k.re()[i] - y.re()[i], k.im()[i] - y.im()[i]));
                }
            }
            // hard data consistency: sampled k-space equals the measurement (float32 round-off only)
            assertTrue(worst < 1e-4 * y.maxAbs(), "sampled k-space deviates by " + worst);
        }
    }

    @Test
    void sharedWeightsUseOneCnnAndLearnedConsistencyAddsOneWeightPerIteration() {
        var cnn = MriTestSlices.cnn(MriTestSlices.relu(), 3, 8);
        long separate;
        long shared;
        long learned;
        long post;
        try (NDManager m = NDManager.newBaseManager()) {
            separate = count(MriNetworkConfig.unrolled(cnn, 4, false, DataConsistencyKind.HARD), m);
            shared = count(MriNetworkConfig.unrolled(cnn, 4, true, DataConsistencyKind.HARD), m);
            learned = count(MriNetworkConfig.unrolled(cnn, 4, true, DataConsistencyKind.LEARNED), m);
            post = count(MriNetworkConfig.post(cnn), m);
        }
        // conv 2->8 (144 + 8 bias), conv 8->8 (576 + 8 bias), conv 8->2 (144, no bias)
        assertEquals(880, post);
        assertEquals(post, shared);
        assertEquals(4 * post, separate);
        assertEquals(shared + 4, learned);
    }

    private static long count(MriNetworkConfig cfg, NDManager m) {
        AbstractBlock b = cfg.build();
        MriReconstructionModel.initialize(b, m, 1);
        return ParameterCounts.of(b).total();
    }

    @Test
    void learnedConsistencyStartsAtLambdaTenAndIsTrainable() {
        var cfg = MriNetworkConfig.unrolled(MriTestSlices.cnn(MriTestSlices.relu(), 2, 4), 3, true,
                DataConsistencyKind.LEARNED);
        try (NDManager m = NDManager.newBaseManager()) {
            AbstractBlock b = cfg.build();
            MriReconstructionModel.initialize(b, m, 1);
            Parameter p = b.getParameters().stream().filter(e -> e.getKey().contains("dc_log_lambda"))
                    .map(Pair::getValue).findFirst().orElseThrow();
            assertArrayEquals(new float[] {2.3025851f, 2.3025851f, 2.3025851f}, p.getArray().toFloatArray(), 1e-6f);
            float[] g = gradient(b, m, 7, "dc_log_lambda");
            for (float v : g) {
                assertTrue(Float.isFinite(v) && v != 0, "lambda gradient " + v);
            }
        }
    }

    @Test
    void gradientsAreFiniteAndRepeatable() {
        var cfg = MriNetworkConfig.unrolled(MriTestSlices.cnn(MriTestSlices.spline(), 3, 8), 3, false,
                DataConsistencyKind.LEARNED);
        float[] first;
        float[] second;
        try (NDManager m = NDManager.newBaseManager()) {
            AbstractBlock b = cfg.build();
            MriReconstructionModel.initialize(b, m, 3);
            first = gradient(b, m, 11, "cnn0");
            second = gradient(b, m, 11, "cnn0");
        }
        for (float v : first) {
            assertTrue(Float.isFinite(v));
        }
        assertTrue(java.util.Arrays.stream(toDouble(first)).anyMatch(v -> v != 0));
        assertArrayEquals(first, second, "the same batch must give the same gradient");
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** The gradient of the MSE loss of one batch with respect to the first parameter whose name contains {@code key}. */
    private static float[] gradient(AbstractBlock b, NDManager m, long step, String key) {
        List<MriSlice> slices = MriTestSlices.phantoms(4, 33, 27, 9);
        MriBatches batches = new MriBatches(slices, MriTrainingSettings.defaults(MriSampling.of(MaskType.CARTESIAN, 3)),
                2, 1);
        Parameter target = b.getParameters().stream().filter(e -> e.getKey().contains(key)).map(Pair::getValue)
                .findFirst().orElseThrow();
        try (NDManager sm = m.newSubManager()) {
            var batch = batches.batch(step, sm);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = b.forward(new ParameterStore(sm, false), batch.inputs(), true).singletonOrThrow();
                System.gc(); // freed Java-backed buffers must not be read by backward
                gc.backward(out.sub(batch.target()).square().mean());
            }
            float[] g = target.getArray().getGradient().toFloatArray();
            for (Pair<String, Parameter> p : b.getParameters()) {
                NDArray grad = p.getValue().getArray().getGradient();
                grad.subi(grad);
            }
            return g;
        }
    }

    @Test
    void configurationRoundTripsThroughJson() {
        var cnn = MriTestSlices.cnn(MriTestSlices.spline(), 4, 6);
        for (MriNetworkConfig c : List.of(MriNetworkConfig.post(cnn),
                MriNetworkConfig.unrolled(cnn, 3, true, DataConsistencyKind.LEARNED))) {
            MriNetworkConfig back = MriNetworkConfig.fromJson(c.toJson());
            assertEquals(c.toJson(), back.toJson());
            assertEquals(c.toString(), back.toString());
        }
        MriNetworkConfig relu = MriNetworkConfig.post(cnn).withActivation(MriTestSlices.relu());
        assertEquals("relu", relu.cnn().activation().kind().id());
    }

    @Test
    void inputsAreCheckedWithClearMessages() {
        var cfg = MriNetworkConfig.unrolled(MriTestSlices.cnn(MriTestSlices.relu(), 2, 4), 1, true,
                DataConsistencyKind.HARD);
        try (NDManager m = NDManager.newBaseManager()) {
            AbstractBlock b = cfg.build();
            MriReconstructionModel.initialize(b, m, 1);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray img = m.zeros(new Shape(1, 2, 20, 24));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.forward(ps, new NDList(img, img, m.ones(new Shape(20, 25))), false));
            assertTrue(e.getMessage().contains("mask has shape (20, 25)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> b.forward(ps, new NDList(img, m.zeros(new Shape(1, 2, 20, 23)), m.ones(new Shape(20, 24))), false));
            assertTrue(e.getMessage().contains("k-space has shape"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> b.forward(ps, new NDList(img), false));
            assertTrue(e.getMessage().contains("3 inputs"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> MriNetworkConfig.post(MriTestSlices.cnn(MriTestSlices.relu(), 2, 4).toBuilder().channels(1).build()));
            assertTrue(e.getMessage().contains("two channels"), e.getMessage());
        }
    }
}
