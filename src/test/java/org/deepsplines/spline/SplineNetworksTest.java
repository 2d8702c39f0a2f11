package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SplineNetworksTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private BSplineActivation first;
    private ReluSplineActivation second;

    /** Linear(2→4, no bias) → B-spline(4) → [Linear(4→3) → ReLU-basis spline(3)] → Linear(3→1). */
    private SequentialBlock network(DataType type) {
        first = new BSplineActivation(Fixtures.config(5, 0.5, 4).mode(ActivationMode.UNIT).init(SplineInit.IDENTITY)
                .constraint(SlopeConstraint.ONE_LIPSCHITZ).build());
        second = new ReluSplineActivation(Fixtures.config(5, 0.5, 3).mode(ActivationMode.UNIT)
                .basis(SplineBasis.RELU).init(SplineInit.IDENTITY).constraint(SlopeConstraint.MONOTONE).build());
        SequentialBlock inner = new SequentialBlock().add(Linear.builder().setUnits(3).build()).add(second);
        SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(4).optBias(false).build())
                .add(first).add(inner).add(Linear.builder().setUnits(1).build());
        net.initialize(manager, type, new Shape(5, 2));
        return net;
    }

    private static void set(Block block, String name, float... values) {
        block.getParameters().get(name).getArray().set(values);
    }

    @Test
    void findsActivationsDepthFirstInOrder() {
        SequentialBlock net = network(DataType.FLOAT32);
        List<LearnedActivation> found = SplineNetworks.find(net);
        assertEquals(2, found.size());
        assertSame(first, found.get(0));
        assertSame(second, found.get(1));
        assertEquals(List.of(first), SplineNetworks.find(first));
        assertTrue(SplineNetworks.find(Linear.builder().setUnits(1).build()).isEmpty());
    }

    @Test
    void lipschitzBoundMultipliesWeightMaximaAndBv2Sums() {
        SequentialBlock net = network(DataType.FLOAT32);
        List<Block> layers = net.getChildren().values();
        set(layers.get(0), "weight", 0.5f, -2f, 1f, 0, 0, 0, 0, 0);          // max |W| = 2
        Block innerLinear = layers.get(2).getChildren().values().get(0);
        float[] w2 = new float[12];
        w2[5] = -3;                                                          // max |W| = 3
        set(innerLinear, "weight", w2);
        set(innerLinear, "bias", 100, 100, 100);                             // biases do not count
        set(layers.get(3), "weight", 0.25f, -0.5f, 0.1f);                    // max |W| = 0.5
        // identity activations: TV2 0, |f(0)| 0, |f(1)| 1 → Σ BV2 = 4 and 3
        assertEquals(2 * 3 * 0.5 * 4 * 3, SplineNetworks.lipschitzBound(net), 1e-5);
    }

    @Test
    void lipschitzBoundCountsConvolutionWeights() {
        BSplineActivation act = new BSplineActivation(Fixtures.config(5, 0.5, 2).init(SplineInit.RELU).build());
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build()).add(act);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 5, 5));
        float[] w = new float[18];
        w[3] = -1.5f;
        set(net.getChildren().values().get(0), "weight", w);
        // relu: TV2 1 (slope change at 0), f(0) 0, f(1) 1 → BV2 2 per channel
        assertEquals(1.5 * 4, SplineNetworks.lipschitzBound(net), 1e-5);
    }

    @Test
    void totalTv2IsDifferentiableAndSumsAllLayers() {
        SequentialBlock net = network(DataType.FLOAT64);
        first.setCoefficients(new double[][] {{1, 0.5, 0, 0.5, 1}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 1}});                       // TV2: 2, 0, 0, 2
        second.setCoefficients(new double[][] {{0, 0, 1, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}); // TV2 8
        NDArray total;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            total = SplineNetworks.totalTv2(net, manager);
            collector.backward(total);
        }
        assertEquals(12, total.getDouble(), 1e-12);
        double[] g = Fixtures.gradient(first, BSplineActivation.COEFFICIENTS);
        assertEquals(2, g[1], 1e-12);
        assertEquals(-4, g[2], 1e-12);
        double[] gr = Fixtures.gradient(second, ReluSplineActivation.SLOPES);
        // slope changes of the hat (2, −4, 2): gradient = their signs
        assertEquals(1, gr[0], 1e-12);
        assertEquals(-1, gr[1], 1e-12);
        assertEquals(1, gr[2], 1e-12);
        try (NDArray none = SplineNetworks.totalTv2(Linear.builder().setUnits(1).build(), manager)) {
            assertEquals(0, none.getFloat(), 0);
        }
    }

    @Test
    void applyConstraintsReachesEveryLayer() {
        SequentialBlock net = network(DataType.FLOAT64);
        first.setCoefficients(new double[][] {{0, 3, 6, 9, 12}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}});
        second.setCoefficients(new double[][] {{5, 4, 3, 2, 1}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}});
        SplineNetworks.applyConstraints(net);
        assertEquals(1, first.lipschitzPerActivation()[0], 1e-12);
        assertEquals(0, second.lipschitzPerActivation()[0], 1e-12); // monotone: decreasing slopes become 0
    }

    @Test
    void recognisesSplineParameterNames() {
        for (String name : new String[] {"spline_coefficients", "spline_weight", "spline_bias", "relu_slopes",
            "02BSplineActivation_spline_coefficients", "01SequentialBlock_02ReluSplineActivation_relu_slopes"}) {
            assertTrue(SplineNetworks.isSplineParameter(name), name);
        }
        for (String name : new String[] {"weight", "bias", "01Linear_weight", "gamma", "", null}) {
            assertFalse(SplineNetworks.isSplineParameter(name), String.valueOf(name));
        }
        SequentialBlock net = network(DataType.FLOAT32);
        long spline = net.getParameters().keys().stream().filter(SplineNetworks::isSplineParameter).count();
        assertEquals(1 + 3, spline); // B-spline coefficients; ReLU slopes, weight, bias
    }
}
