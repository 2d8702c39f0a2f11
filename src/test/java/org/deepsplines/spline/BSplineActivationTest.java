package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-computed behaviour of the B-spline activation layer (no reference files needed). */
class BSplineActivationTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private BSplineActivation block(SplineConfig config, DataType type, Shape shape) {
        return Fixtures.initialized(manager, new BSplineActivation(config), type, shape);
    }

    /** x values inside the grid [−1, 1], at its ends and far outside it. */
    private static final double[] XS = {-1000, -10, -1.3, -1, -0.8, -0.2, 0, 0.37, 0.5, 1, 1.2, 5, 100};

    @Test
    void identityInitIsTheIdentityIncludingExtrapolation() {
        for (DataType type : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
            for (boolean explicit : new boolean[] {false, true}) {
                SplineConfig config = Fixtures.config(5, 0.5, 1).init(SplineInit.IDENTITY).explicitLinear(explicit)
                        .build();
                Shape shape = new Shape(XS.length, 1);
                BSplineActivation b = block(config, type, shape);
                double[] y = Fixtures.forward(manager, b, XS, shape, type);
                double tol = type == DataType.FLOAT64 ? 1e-12 : 1e-5;
                for (int i = 0; i < XS.length; i++) {
                    assertEquals(XS[i], y[i], tol * Math.max(1, Math.abs(XS[i])), type + " x=" + XS[i]);
                }
            }
        }
    }

    @Test
    void reluAndLeakyInitsExtrapolateWithTheirEndSlopes() {
        Shape shape = new Shape(XS.length, 1);
        BSplineActivation relu = block(Fixtures.config(5, 0.5, 1).init(SplineInit.RELU).build(), DataType.FLOAT64,
                shape);
        BSplineActivation leaky = block(Fixtures.config(5, 0.5, 1).init(SplineInit.LEAKY_RELU).build(),
                DataType.FLOAT64, shape);
        double[] yr = Fixtures.forward(manager, relu, XS, shape, DataType.FLOAT64);
        double[] yl = Fixtures.forward(manager, leaky, XS, shape, DataType.FLOAT64);
        for (int i = 0; i < XS.length; i++) {
            assertEquals(Math.max(0, XS[i]), yr[i], 1e-12 * Math.max(1, Math.abs(XS[i])));
            assertEquals(XS[i] >= 0 ? XS[i] : 0.01 * XS[i], yl[i], 1e-12 * Math.max(1, Math.abs(XS[i])));
        }
    }

    @Test
    void evenOddInitGivesAbsAndSoftThreshold() {
        Shape shape = new Shape(XS.length, 2);
        BSplineActivation b = block(Fixtures.config(9, 0.25, 2).init(SplineInit.EVEN_ODD).build(),
                DataType.FLOAT64, shape);
        double[] x = new double[XS.length * 2];
        for (int i = 0; i < XS.length; i++) {
            x[2 * i] = XS[i];
            x[2 * i + 1] = XS[i];
        }
        double[] y = Fixtures.forward(manager, b, x, shape, DataType.FLOAT64);
        for (int i = 0; i < XS.length; i++) {
            double v = XS[i];
            assertEquals(Math.abs(v), y[2 * i], 1e-12 * Math.max(1, Math.abs(v)));
            assertEquals(Math.signum(v) * Math.max(Math.abs(v) - 0.5, 0), y[2 * i + 1], 1e-12 * Math.max(1, Math.abs(v)));
        }
    }

    /** S = 5, T = 0.5: knots −1, −0.5, 0, 0.5, 1 with values 1, 0, 2, 3, −1. */
    private BSplineActivation handSpline(DataType type, Shape shape) {
        BSplineActivation b = block(Fixtures.config(5, 0.5, 1).build(), type, shape);
        b.setCoefficients(new double[][] {{1, 0, 2, 3, -1}});
        return b;
    }

    @Test
    void valuesAndGradientsMatchHandComputation() {
        double[] x = {0.2, -2, 1.5, 0.5, 1};
        Shape shape = new Shape(x.length, 1);
        BSplineActivation b = handSpline(DataType.FLOAT64, shape);
        Fixtures.Pass pass = Fixtures.backward(manager, b, x, new double[] {1, 1, 1, 1, 1}, shape, DataType.FLOAT64);
        // 0.2: 0.6·2 + 0.4·3; −2: left extrapolation 1 + (−2)(0 − 1); 1.5: right 3 + 2(−1 − 3); knots exact.
        assertArrayEquals(new double[] {2.4, 3, -5, 3, -1}, pass.output, 1e-12);
        // Slopes of the cells; at the knot 0.5 the right-hand slope (−8); at 1 the last cell's.
        assertArrayEquals(new double[] {2, -2, -8, -8, -8}, pass.gradInput, 1e-12);
        // dy/dc_k = 1 − φ, dy/dc_{k+1} = φ, summed: c0 3, c1 −2, c2 0.6, c3 0.4 − 1 + 1 + 0, c4 2 + 0 + 1.
        assertArrayEquals(new double[] {3, -2, 0.6, 0.4, 3},
                Fixtures.gradient(b, BSplineActivation.COEFFICIENTS), 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferencesInFloat64() {
        SplineConfig config = Fixtures.config(21, 0.1, 3).init(SplineInit.RANDOM).seed(5).perturbSigma(0.2)
                .explicitLinear(true).learnableBias(true).build();
        Shape shape = new Shape(2, 3, 2, 2);
        BSplineActivation b = block(config, DataType.FLOAT64, shape);
        Random random = new Random(11);
        int n = (int) shape.size();
        double[] x = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double v;
            do {
                v = -1.6 + 3.2 * random.nextDouble(); // reaches past the grid's ±1
            } while (Math.abs(v / 0.1 - Math.rint(v / 0.1)) < 1e-3); // stay off the knots
            x[i] = v;
            g[i] = random.nextGaussian();
        }
        Fixtures.Pass pass = Fixtures.backward(manager, b, x, g, shape, DataType.FLOAT64);
        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (loss(b, xp, g, shape) - loss(b, xm, g, shape)) / (2 * h);
            assertEquals(fd, pass.gradInput[i], 1e-6 * Math.max(1, Math.abs(fd)), "dL/dx[" + i + "]");
        }
        double[][] c = b.coefficients();
        double[] gradC = Fixtures.gradient(b, BSplineActivation.COEFFICIENTS);
        for (int a = 0; a < c.length; a++) {
            for (int i = 0; i < c[a].length; i++) {
                double saved = c[a][i];
                c[a][i] = saved + h;
                b.setCoefficients(c);
                double lp = loss(b, x, g, shape);
                c[a][i] = saved - h;
                b.setCoefficients(c);
                double lm = loss(b, x, g, shape);
                c[a][i] = saved;
                b.setCoefficients(c);
                double fd = (lp - lm) / (2 * h);
                assertEquals(fd, gradC[a * c[a].length + i], 1e-6 * Math.max(1, Math.abs(fd)), "dL/dc");
            }
        }
        double[] b1 = b.linearSlopes();
        double[] gradB1 = Fixtures.gradient(b, BSplineActivation.WEIGHT);
        double[] gradB0 = Fixtures.gradient(b, BSplineActivation.BIAS);
        for (int a = 0; a < b1.length; a++) {
            double expectB1 = 0;
            double expectB0 = 0;
            for (int i = 0; i < n; i++) {
                if ((i / 4) % 3 == a) {
                    expectB1 += x[i] * g[i];
                    expectB0 += g[i];
                }
            }
            assertEquals(expectB1, gradB1[a], 1e-12);
            assertEquals(expectB0, gradB0[a], 1e-12);
        }
    }

    private double loss(BSplineActivation b, double[] x, double[] g, Shape shape) {
        double[] y = Fixtures.forward(manager, b, x, shape, DataType.FLOAT64);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i] * g[i];
        }
        return sum;
    }

    @Test
    void tv2AndBv2OfAbsoluteValue() {
        // c = |t| on knots −1..1 (T = 0.5): one slope change of 2 at 0.
        BSplineActivation b = block(Fixtures.config(5, 0.5, 2).build(), DataType.FLOAT64, new Shape(1, 2));
        b.setCoefficients(new double[][] {{1, 0.5, 0, 0.5, 1}, {1, 0.5, 0, 0.5, 1}});
        assertArrayEquals(new double[] {2, 2}, b.tv2PerActivation(), 1e-12);
        assertArrayEquals(new double[] {3, 3}, b.bv2PerActivation(), 1e-12); // + |f(0)| 0 + |f(1)| 1
        assertArrayEquals(new double[] {1, 1}, b.lipschitzPerActivation(), 1e-12);
        NDArray tv2;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            tv2 = b.tv2(manager);
            collector.backward(tv2);
        }
        assertEquals(4, tv2.getDouble(), 1e-12);
        // d|a_1|/dc with a_1 = (c1 − 2c2 + c3)/T, a_0 = a_2 = 0 (sign 0).
        assertArrayEquals(new double[] {0, 2, -4, 2, 0, 0, 2, -4, 2, 0},
                Fixtures.gradient(b, BSplineActivation.COEFFICIENTS), 1e-12);
    }

    /** T = 1, S = 7, c_0 = 0, slopes 1, 1.0625, 1.0625, 3, 3, 2.875 (all exact in binary). */
    private static final double[] STAIRS = {0, 1, 2.0625, 3.125, 6.125, 9.125, 12.0};

    @Test
    void sparsifyRemovesSmallSlopeChangesAndRebuildsFromTheLeft() {
        BSplineActivation b = block(Fixtures.config(7, 1, 1).build(), DataType.FLOAT64, new Shape(1, 1));
        b.setCoefficients(new double[][] {STAIRS});
        // slope changes: 0.0625, 0, 1.9375, 0, −0.125
        SparsifyResult none = b.sparsify(0);
        assertArrayEquals(new int[] {3}, none.activeKnots());
        assertArrayEquals(STAIRS, b.coefficients()[0], 0);
        SparsifyResult r = b.sparsify(0.125); // |−0.125| ≤ 0.125 goes too
        assertArrayEquals(new int[] {1}, r.activeKnots());
        assertArrayEquals(new int[] {2}, r.linearPieces());
        assertEquals(1, r.totalActiveKnots());
        assertArrayEquals(new boolean[] {false, false, true, false, false}, r.activeKnotMask()[0]);
        assertArrayEquals(new double[] {0, 1, 2, 3, 5.9375, 8.875, 11.8125}, b.coefficients()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> b.sparsify(-1));
        assertThrows(IllegalArgumentException.class, () -> b.sparsify(Double.NaN));
    }

    @Test
    void lipschitzConstantIsTheLargestSlopeIncludingTheLinearTerm() {
        BSplineActivation plain = block(Fixtures.config(7, 1, 1).build(), DataType.FLOAT64, new Shape(1, 1));
        plain.setCoefficients(new double[][] {STAIRS});
        assertArrayEquals(new double[] {3}, plain.lipschitzPerActivation(), 1e-12);
        BSplineActivation explicit = block(Fixtures.config(7, 1, 1).explicitLinear(true).build(), DataType.FLOAT64,
                new Shape(1, 1));
        explicit.setCoefficients(new double[][] {STAIRS});
        explicit.setLinearTerm(new double[] {-5}, null);
        // slopes − 5: −4, −3.9375, −3.9375, −2, −2, −2.125
        assertArrayEquals(new double[] {4}, explicit.lipschitzPerActivation(), 1e-12);
    }

    @Test
    void oneLipschitzConstraintClipsSlopesKeepingTheFirstCoefficient() {
        BSplineActivation b = block(Fixtures.config(7, 1, 1).constraint(SlopeConstraint.ONE_LIPSCHITZ).build(),
                DataType.FLOAT64, new Shape(1, 1));
        double[] c = STAIRS.clone();
        c[0] = 0.25;
        b.setCoefficients(new double[][] {c});
        b.applyConstraint();
        assertArrayEquals(new double[] {0.25, 1, 2, 3, 4, 5, 6}, b.coefficients()[0], 1e-12);
        assertTrue(b.lipschitzPerActivation()[0] <= 1 + 1e-12);
    }

    @Test
    void monotoneConstraintClipsNegativeSlopes() {
        BSplineActivation b = block(Fixtures.config(5, 0.5, 1).constraint(SlopeConstraint.MONOTONE).build(),
                DataType.FLOAT64, new Shape(1, 1));
        b.setCoefficients(new double[][] {{1, 0, 2, 3, -1}}); // slopes −2, 4, 2, −8
        b.applyConstraint();
        assertArrayEquals(new double[] {1, 1, 3, 4, 4}, b.coefficients()[0], 1e-12);
    }

    @Test
    void constraintWithExplicitLinearTermClipsTheWholeSlope() {
        BSplineActivation b = block(Fixtures.config(3, 1, 1).explicitLinear(true)
                .constraint(SlopeConstraint.ONE_LIPSCHITZ).build(), DataType.FLOAT64, new Shape(1, 1));
        b.setCoefficients(new double[][] {{0, 1, -1}}); // spline slopes 1, −2
        b.setLinearTerm(new double[] {0.5}, null);        // total 1.5, −1.5 → clipped to 1, −1
        b.applyConstraint();
        assertArrayEquals(new double[] {0.5}, b.linearSlopes(), 0);
        assertArrayEquals(new double[] {0, 0.5, -1}, b.coefficients()[0], 1e-12);
        assertArrayEquals(new double[] {1}, b.lipschitzPerActivation(), 1e-12);
    }

    @Test
    void noConstraintLeavesCoefficientsAlone() {
        BSplineActivation b = handSpline(DataType.FLOAT64, new Shape(1, 1));
        b.applyConstraint();
        assertArrayEquals(new double[] {1, 0, 2, 3, -1}, b.coefficients()[0], 0);
    }

    /** Activation a scales by (a + 1), so each output tells which activation it went through. */
    private void checkRouting(ActivationMode mode, int activations, Shape shape, java.util.function.IntUnaryOperator
            activationOfElement) {
        BSplineActivation b = block(Fixtures.config(3, 1, activations).mode(mode).build(), DataType.FLOAT64, shape);
        double[][] c = new double[activations][];
        for (int a = 0; a < activations; a++) {
            c[a] = new double[] {-(a + 1), 0, a + 1};
        }
        b.setCoefficients(c);
        int n = (int) shape.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + i;
        }
        double[] y = Fixtures.forward(manager, b, x, shape, DataType.FLOAT64);
        for (int i = 0; i < n; i++) {
            assertEquals((activationOfElement.applyAsInt(i) + 1) * x[i], y[i], 1e-12, mode + " element " + i);
        }
    }

    @Test
    void channelModeSharesOneActivationPerChannel() {
        checkRouting(ActivationMode.CHANNEL, 3, new Shape(2, 3), i -> i % 3);
        checkRouting(ActivationMode.CHANNEL, 3, new Shape(2, 3, 4), i -> (i / 4) % 3);
        checkRouting(ActivationMode.CHANNEL, 3, new Shape(2, 3, 2, 2), i -> (i / 4) % 3);
        checkRouting(ActivationMode.CHANNEL, 3, new Shape(1, 3, 2, 2, 2), i -> (i / 8) % 3);
    }

    @Test
    void unitModeHasOneActivationPerUnit() {
        checkRouting(ActivationMode.UNIT, 3, new Shape(2, 3), i -> i % 3);
        checkRouting(ActivationMode.UNIT, 12, new Shape(2, 3, 2, 2), i -> i % 12);
    }

    @Test
    void emptyBatchGivesEmptyOutput() {
        BSplineActivation b = block(Fixtures.config(5, 0.5, 3).build(), DataType.FLOAT32, new Shape(1, 3, 2, 2));
        assertEquals(0, Fixtures.forward(manager, b, new double[0], new Shape(0, 3, 2, 2), DataType.FLOAT32).length);
    }

    @Test
    void float32GridIsTheFloatRoundedGrid() {
        BSplineActivation b32 = block(SplineConfig.builder().size(51).range(4).numActivations(1).build(),
                DataType.FLOAT32, new Shape(1, 1));
        assertEquals(0.1599999964237213, b32.grid());
        BSplineActivation b64 = block(SplineConfig.builder().size(51).range(4).numActivations(1).build(),
                DataType.FLOAT64, new Shape(1, 1));
        assertEquals(0.16, b64.grid());
    }

    @Test
    void coefficientsAreCopiesAndSettersCheckTheirInput() {
        BSplineActivation b = handSpline(DataType.FLOAT64, new Shape(1, 1));
        b.coefficients()[0][0] = 99;
        assertEquals(1, b.coefficients()[0][0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.setCoefficients(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("5 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.setCoefficients(new double[2][5]));
        assertTrue(e.getMessage().contains("1 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> b.setCoefficients(new double[][] {{1, Double.NaN, 0, 0, 0}}));
        e = assertThrows(IllegalArgumentException.class, () -> b.setLinearTerm(new double[] {1}, null));
        assertTrue(e.getMessage().contains("explicitLinear(true)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.knotTable(1));
    }

    @Test
    void parametersHaveTheDocumentedNamesAndShapes() {
        BSplineActivation b = block(Fixtures.config(51, 0.1, 4).explicitLinear(true).learnableBias(true).build(),
                DataType.FLOAT32, new Shape(2, 4, 3, 3));
        assertEquals(new Shape(4, 51), b.getParameters().get("spline_coefficients").getArray().getShape());
        assertEquals(new Shape(4), b.getParameters().get("spline_weight").getArray().getShape());
        assertEquals(new Shape(4), b.getParameters().get("spline_bias").getArray().getShape());
        BSplineActivation noBias = block(Fixtures.config(51, 0.1, 4).explicitLinear(true).build(), DataType.FLOAT32,
                new Shape(2, 4));
        assertFalse(noBias.getParameters().contains("spline_bias"));
        assertEquals(1, block(Fixtures.config(5, 0.1, 4).build(), DataType.FLOAT32, new Shape(2, 4))
                .getParameters().size());
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException, MalformedModelException {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            SplineConfig config = Fixtures.config(11, 0.2, 3).init(SplineInit.RANDOM).seed(3).explicitLinear(true)
                    .learnableBias(true).build();
            Shape shape = new Shape(2, 3, 2, 2);
            BSplineActivation saved = block(config, type, shape);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream os = new DataOutputStream(bytes)) {
                saved.saveParameters(os);
            }
            BSplineActivation loaded = new BSplineActivation(config.toBuilder().init(SplineInit.IDENTITY).build());
            try (DataInputStream is = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                loaded.loadParameters(manager, is);
            }
            assertEquals(type, loaded.getParameters().get(BSplineActivation.COEFFICIENTS).getArray().getDataType());
            for (int a = 0; a < 3; a++) {
                assertArrayEquals(saved.coefficients()[a], loaded.coefficients()[a], 0);
            }
            assertArrayEquals(saved.linearSlopes(), loaded.linearSlopes(), 0);
            assertArrayEquals(saved.linearOffsets(), loaded.linearOffsets(), 0);
            double[] x = Fixtures.linspace(-3, 3, (int) shape.size());
            assertArrayEquals(Fixtures.forward(manager, saved, x, shape, type),
                    Fixtures.forward(manager, loaded, x, shape, type), 0);
            // Loaded parameters train: the backward pass reaches them.
            double[] ones = new double[x.length];
            java.util.Arrays.fill(ones, 1);
            Fixtures.backward(manager, loaded, x, ones, shape, type);
            double total = 0;
            for (double g : Fixtures.gradient(loaded, BSplineActivation.COEFFICIENTS)) {
                total += g;
            }
            assertEquals(x.length, total, 1e-3); // (1 − φ) + φ per element
        }
    }

    @Test
    void loadingIntoADifferentConfigurationFailsClearly() throws IOException {
        BSplineActivation saved = block(Fixtures.config(11, 0.2, 3).build(), DataType.FLOAT32, new Shape(1, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream os = new DataOutputStream(bytes)) {
            saved.saveParameters(os);
        }
        BSplineActivation other = new BSplineActivation(Fixtures.config(21, 0.2, 3).build());
        MalformedModelException e = assertThrows(MalformedModelException.class, () -> {
            try (DataInputStream is = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                other.loadParameters(manager, is);
            }
        });
        assertTrue(e.getMessage().contains("\"size\":11") && e.getMessage().contains("\"size\":21"), e.getMessage());
    }
}
