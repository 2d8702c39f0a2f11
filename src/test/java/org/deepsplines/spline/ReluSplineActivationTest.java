package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ReLU basis spans the same functions as the B-spline basis. */
class ReluSplineActivationTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static final double[][] C = {{1, 0, 2, 3, -1}, {-0.5, 0.25, 0, 0.75, 2}};
    private static final Shape SHAPE = new Shape(7, 2);

    private ReluSplineActivation relu(SplineConfig.Builder config) {
        return Fixtures.initialized(manager, new ReluSplineActivation(config.basis(SplineBasis.RELU).build()),
                DataType.FLOAT64, SHAPE);
    }

    private BSplineActivation bspline(SplineConfig.Builder config) {
        return Fixtures.initialized(manager, new BSplineActivation(config.build()), DataType.FLOAT64, SHAPE);
    }

    private static double[] inputs() {
        double[] x = {-3, -1, -0.7, 0.1, 0.5, 0.8, 2.5};
        double[] both = new double[14];
        for (int i = 0; i < 7; i++) {
            both[2 * i] = x[i];
            both[2 * i + 1] = x[i] * 0.9;
        }
        return both;
    }

    @Test
    void sameCoefficientsGiveTheSameFunctionAndGradients() {
        ReluSplineActivation r = relu(Fixtures.config(5, 0.5, 2));
        BSplineActivation b = bspline(Fixtures.config(5, 0.5, 2));
        r.setCoefficients(C);
        b.setCoefficients(C);
        for (int a = 0; a < 2; a++) {
            assertArrayEquals(C[a], r.coefficients()[a], 1e-12);
        }
        // Knots at ±0.5·k; slope changes a_k = second differences / T.
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, r.knotLocations(), 0);
        assertArrayEquals(new double[] {6, -2, -10}, r.reluSlopes()[0], 1e-12);
        double[] x = inputs();
        double[] g = new double[x.length];
        Arrays.fill(g, 1);
        Fixtures.Pass pr = Fixtures.backward(manager, r, x, g, SHAPE, DataType.FLOAT64);
        Fixtures.Pass pb = Fixtures.backward(manager, b, x, g, SHAPE, DataType.FLOAT64);
        assertArrayEquals(pb.output, pr.output, 1e-12);
        assertArrayEquals(pb.gradInput, pr.gradInput, 1e-12); // right-hand slope at the knot 0.5 in both
        assertArrayEquals(b.tv2PerActivation(), r.tv2PerActivation(), 1e-12);
        assertArrayEquals(b.bv2PerActivation(), r.bv2PerActivation(), 1e-12);
        assertArrayEquals(b.lipschitzPerActivation(), r.lipschitzPerActivation(), 1e-12);
        try (NDArray tr = r.tv2(manager); NDArray tb = b.tv2(manager)) {
            assertEquals(tb.getDouble(), tr.getDouble(), 1e-12);
        }
    }

    @Test
    void initsMatchTheBSplineInits() {
        for (SplineInit init : new SplineInit[] {SplineInit.RELU, SplineInit.LEAKY_RELU, SplineInit.IDENTITY,
                SplineInit.EVEN_ODD}) {
            ReluSplineActivation r = relu(Fixtures.config(5, 0.5, 2).init(init));
            BSplineActivation b = bspline(Fixtures.config(5, 0.5, 2).init(init));
            double[] x = inputs();
            assertArrayEquals(Fixtures.forward(manager, b, x, SHAPE, DataType.FLOAT64),
                    Fixtures.forward(manager, r, x, SHAPE, DataType.FLOAT64), 1e-12, init.id());
        }
    }

    @Test
    void sparsifyAndConstraintsWorkInTheReluBasis() {
        ReluSplineActivation r = relu(Fixtures.config(5, 0.5, 2).constraint(SlopeConstraint.ONE_LIPSCHITZ));
        BSplineActivation b = bspline(Fixtures.config(5, 0.5, 2));
        r.setCoefficients(C);
        b.setCoefficients(C);
        SparsifyResult sr = r.sparsify(2.5);
        SparsifyResult sb = b.sparsify(2.5);
        assertArrayEquals(sb.activeKnots(), sr.activeKnots());
        double[] x = inputs();
        assertArrayEquals(Fixtures.forward(manager, b, x, SHAPE, DataType.FLOAT64),
                Fixtures.forward(manager, r, x, SHAPE, DataType.FLOAT64), 1e-12);
        r.applyConstraint();
        for (double lip : r.lipschitzPerActivation()) {
            assertTrue(lip <= 1 + 1e-12, "1-Lipschitz after the constraint, got " + lip);
        }
    }

    @Test
    void nonFiniteInputsPropagateWithoutPoisoningGradients() {
        ReluSplineActivation r = Fixtures.initialized(manager, new ReluSplineActivation(Fixtures.config(5, 0.5, 2)
                .basis(SplineBasis.RELU).init(SplineInit.RANDOM).build()), DataType.FLOAT32, new Shape(2, 2, 2, 2));
        ActivationInputTest.checkNonFinite(manager, r, r, DataType.FLOAT32, ReluSplineActivation.SLOPES,
                BSplineActivation.WEIGHT, BSplineActivation.BIAS);
    }
}
