package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inputs the layers must reject with a clear message, and non-finite inputs they must survive. */
class ActivationInputTest {

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

    @Test
    void wrongRankIsRejected() {
        BSplineActivation b = block(Fixtures.config(5, 0.1, 3).build(), DataType.FLOAT32, new Shape(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.forward(manager, b, new double[3], new Shape(3), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("rank 2 to 5") && e.getMessage().contains("got rank 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.forward(manager, b, new double[6], new Shape(1, 3, 1, 1, 1, 2), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("got rank 6"), e.getMessage());
        BSplineActivation unit = block(Fixtures.config(5, 0.1, 3).mode(ActivationMode.UNIT).build(), DataType.FLOAT32,
                new Shape(2, 3));
        e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.forward(manager, unit, new double[3], new Shape(3), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("rank 2 or more") && e.getMessage().contains("got rank 1"), e.getMessage());
    }

    @Test
    void channelCountMismatchIsRejected() {
        BSplineActivation b = block(Fixtures.config(5, 0.1, 3).build(), DataType.FLOAT32, new Shape(2, 3, 4, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.forward(manager, b, new double[2 * 4 * 9], new Shape(2, 4, 3, 3), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("Expected 3 channels") && e.getMessage().contains("got 4"), e.getMessage());
        // Initialising with a mismatching shape fails the same way.
        e = assertThrows(IllegalArgumentException.class,
                () -> block(Fixtures.config(5, 0.1, 3).build(), DataType.FLOAT32, new Shape(2, 5, 4, 4)));
        assertTrue(e.getMessage().contains("Expected 3 channels") && e.getMessage().contains("got 5"), e.getMessage());
    }

    @Test
    void unitCountMismatchIsRejected() {
        BSplineActivation b = block(Fixtures.config(5, 0.1, 12).mode(ActivationMode.UNIT).build(), DataType.FLOAT32,
                new Shape(2, 3, 2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.forward(manager, b, new double[2 * 3 * 9], new Shape(2, 3, 3, 3), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("Expected 12 units") && e.getMessage().contains("got 27"), e.getMessage());
    }

    @Test
    void precisionMismatchIsRejected() {
        BSplineActivation b = block(Fixtures.config(5, 0.1, 3).build(), DataType.FLOAT32, new Shape(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.forward(manager, b, new double[6], new Shape(2, 3), DataType.FLOAT64));
        assertTrue(e.getMessage().contains("float64") || e.getMessage().contains("FLOAT64"), e.getMessage());
        IllegalArgumentException init = assertThrows(IllegalArgumentException.class,
                () -> block(Fixtures.config(5, 0.1, 3).build(), DataType.INT32, new Shape(2, 3)));
        assertTrue(init.getMessage().contains("float32 or float64"), init.getMessage());
    }

    @Test
    void wrongBasisForBlockIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BSplineActivation(Fixtures.config(5, 0.1, 3).basis(SplineBasis.RELU).build()));
        assertTrue(e.getMessage().contains("SplineActivationBlock.create"), e.getMessage());
        assertTrue(SplineActivationBlock.create(Fixtures.config(5, 0.1, 3).basis(SplineBasis.RELU).build())
                instanceof ReluSplineActivation);
    }

    /** Elements 1, 6, 11 are NaN, +Inf, −Inf; the rest spreads over and beyond the grid. */
    private static double[] withNonFinite() {
        double[] x = Fixtures.linspace(-0.7, 0.9, 16);
        x[1] = Double.NaN;
        x[6] = Double.POSITIVE_INFINITY;
        x[11] = Double.NEGATIVE_INFINITY;
        return x;
    }

    private static final int[] NON_FINITE = {1, 6, 11};

    static void checkNonFinite(NDManager manager, Block b, LearnedActivation layer, DataType type,
            String... parameters) {
        Shape shape = new Shape(2, 2, 2, 2);
        double[][] before = layer.coefficients();
        double[] x = withNonFinite();
        double[] ones = new double[16];
        Arrays.fill(ones, 1);
        Fixtures.Pass pass = Fixtures.backward(manager, b, x, ones, shape, type);
        double[][] grads = new double[parameters.length][];
        for (int p = 0; p < parameters.length; p++) {
            grads[p] = Fixtures.gradient(b, parameters[p]);
        }

        // Reference: the same input with the non-finite entries set to 0 and their upstream gradient 0.
        Fixtures.zeroGradients(b);
        double[] clean = x.clone();
        double[] g = ones.clone();
        for (int i : NON_FINITE) {
            clean[i] = 0;
            g[i] = 0;
        }
        Fixtures.Pass expected = Fixtures.backward(manager, b, clean, g, shape, type);

        assertTrue(Double.isNaN(pass.output[1]), "NaN in, NaN out");
        assertFalse(Double.isFinite(pass.output[6]), "+Inf in, non-finite out");
        assertFalse(Double.isFinite(pass.output[11]), "−Inf in, non-finite out");
        for (int i = 0; i < 16; i++) {
            if (i != 1 && i != 6 && i != 11) {
                assertEquals(expected.output[i], pass.output[i], 1e-6, "finite element " + i);
                assertEquals(expected.gradInput[i], pass.gradInput[i], 1e-5, "gradient of element " + i);
            } else {
                assertEquals(0, pass.gradInput[i], "no gradient through a non-finite element");
            }
        }
        for (int p = 0; p < parameters.length; p++) {
            double[] expectedGrad = Fixtures.gradient(b, parameters[p]);
            for (int i = 0; i < grads[p].length; i++) {
                assertTrue(Double.isFinite(grads[p][i]), parameters[p] + " gradient stays finite");
                // the second pass accumulated onto zeroed gradients, so it is the clean gradient alone
                assertEquals(expectedGrad[i], grads[p][i], 1e-4, parameters[p] + "[" + i + "]");
            }
        }
        double[][] after = layer.coefficients();
        for (int a = 0; a < before.length; a++) {
            assertArrayEquals(before[a], after[a], 0, "coefficients untouched");
        }
    }

    @Test
    void nonFiniteInputsPropagateWithoutPoisoningGradients() {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            SplineConfig config = Fixtures.config(5, 0.5, 2).init(SplineInit.RANDOM).seed(9).explicitLinear(true)
                    .learnableBias(true).build();
            BSplineActivation b = block(config, type, new Shape(2, 2, 2, 2));
            checkNonFinite(manager, b, b, type, BSplineActivation.COEFFICIENTS, BSplineActivation.WEIGHT,
                    BSplineActivation.BIAS);
        }
    }

    @Test
    void allNaNInputGivesNaNOutputAndAValidIndex() {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            BSplineActivation b = block(Fixtures.config(27, 0.1, 2).build(), type, new Shape(3, 2));
            double[] x = new double[6];
            Arrays.fill(x, Double.NaN);
            double[] y = Fixtures.forward(manager, b, x, new Shape(3, 2), type);
            for (double v : y) {
                assertTrue(Double.isNaN(v));
            }
        }
    }

    @Test
    void hugeFiniteInputsExtrapolate() {
        // floor(x/T) far outside the int range must still clamp to the end cells.
        BSplineActivation b = block(Fixtures.config(5, 0.5, 1).init(SplineInit.IDENTITY).build(), DataType.FLOAT32,
                new Shape(2, 1));
        double[] y = Fixtures.forward(manager, b, new double[] {-1e30, 1e30}, new Shape(2, 1), DataType.FLOAT32);
        assertEquals(-1e30, y[0], 1e25);
        assertEquals(1e30, y[1], 1e25);
    }
}
