package org.deepsplines.spline;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Learned linear-spline activations in the ReLU basis: σ_a(x) = Σ_k a[a][k]·max(0, x − τ_k) + b1·x + b0
 * with K = S − 2 knots τ = linspace(−T·(K/2), T·(K/2), K), i.e. the interior knots of the B-spline grid.
 * The function space is the same as {@link BSplineActivation}'s; the basis is badly conditioned and is
 * kept to reproduce that comparison.
 *
 * <p>Parameters: {@code "relu_slopes"} (A, K), {@code "spline_weight"} (A) = b1 and
 * {@code "spline_bias"} (A) = b0. The ReLU terms are evaluated on an (N, A, M, K) tensor, which is
 * simple but costs K times the input's memory. At a knot the right-hand slope is used, as in the
 * B-spline basis.
 */
public final class ReluSplineActivation extends SplineActivationBlock {

    /** Name of the slope-change parameter a (A, K). */
    public static final String SLOPES = "relu_slopes";

    private final Parameter slopes;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param config a configuration with basis {@link SplineBasis#RELU}
     * @throws IllegalArgumentException for another basis
     */
    public ReluSplineActivation(SplineConfig config) {
        super(config, SplineBasis.RELU);
        int n = config.numActivations();
        int k = config.size() - 2;
        slopes = addSplineParameter(SLOPES, new Shape(n, k), (manager, shape, type) ->
                createArray(manager, flatten(initial(type)[0]), shape, type));
        weight = addSplineParameter(BSplineActivation.WEIGHT, new Shape(n), (manager, shape, type) ->
                createArray(manager, initial(type)[1][0], shape, type));
        bias = addSplineParameter(BSplineActivation.BIAS, new Shape(n), (manager, shape, type) ->
                createArray(manager, initial(type)[2][0], shape, type));
    }

    /** {slopes (A × K), {b1}, {b0}} for the configured initialisation. */
    private double[][][] initial(DataType type) {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("Spline activations work in float32 or float64, not " + type
                    + "; initialise the network with DataType.FLOAT32 or FLOAT64");
        }
        boolean float32 = type == DataType.FLOAT32;
        double grid = float32 ? (float) config().grid() : config().grid();
        double[][] full = InitialSpline.fullSamples(config(), float32);
        double[][][] p = fromFull(full, grid);
        if (config().init() == SplineInit.RANDOM) {
            InitialSpline.perturb(p[0], config().perturbSigma(), config().seed());
            InitialSpline.perturb(p[1][0], 0.3, config().seed() + 1);
            InitialSpline.perturb(p[2][0], 0.3, config().seed() + 2);
        }
        return p;
    }

    /** ReLU parameters {a, {b1}, {b0}} of the functions with values {@code full} at the knots. */
    private static double[][][] fromFull(double[][] full, double grid) {
        int n = full.length;
        int half = full[0].length / 2;
        double[][] a = new double[n][];
        double[] b1 = new double[n];
        double[] b0 = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = SplineMath.slopeChanges(full[i], grid);
            b1[i] = (full[i][1] - full[i][0]) / grid;
            b0[i] = full[i][0] + b1[i] * half * grid;
        }
        return new double[][][] {a, {b1}, {b0}};
    }

    /** Knot positions τ_k in double, rounded to the working precision. */
    public double[] knotLocations() {
        int k = config().size() - 2;
        double grid = grid();
        boolean float32 = dataType() == DataType.FLOAT32;
        double[] tau = new double[k];
        for (int i = 0; i < k; i++) {
            double v = (i - k / 2) * grid;
            tau[i] = float32 ? (float) v : v;
        }
        return tau;
    }

    @Override
    Parameter primaryParameter() {
        return slopes;
    }

    @Override
    NDArray evaluate(NDManager sub, ParameterStore store, NDArray xs, boolean training) {
        Device device = xs.getDevice();
        NDArray a = store.getValue(slopes, device, training);
        NDArray b1 = store.getValue(weight, device, training);
        NDArray b0 = store.getValue(bias, device, training);
        long units = xs.getShape().get(1);
        int k = config().size() - 2;
        DataType type = xs.getDataType();

        NDArray tau = own(sub, createArray(sub, knotLocations(), new Shape(1, 1, 1, k), type));
        NDArray aView = own(sub, a.reshape(1, units, 1, k));
        NDArray b1View = own(sub, b1.reshape(1, units, 1));
        NDArray b0View = own(sub, b0.reshape(1, units, 1));

        NDArray mask = nonFiniteMask(xs.stopGradient());
        NDArray input = mask == null ? xs : where(mask, xs.zerosLike(), xs);
        NDArray y = evaluateOn(input, tau, aView, b1View, b0View);
        if (mask == null) {
            return y;
        }
        NDArray yRaw = evaluateOn(xs.stopGradient(), tau, aView.stopGradient(), b1View.stopGradient(),
                b0View.stopGradient());
        return where(mask, yRaw, y);
    }

    private static NDArray evaluateOn(NDArray x, NDArray tau, NDArray a, NDArray b1, NDArray b0) {
        // clip(0, +inf) has derivative 1 at 0 (right-hand slope at a knot), unlike relu.
        NDArray ramps = x.expandDims(3).sub(tau).clip(0, Double.POSITIVE_INFINITY);
        return ramps.mul(a).sum(new int[] {3}).add(x.mul(b1)).add(b0);
    }

    @Override
    public NDArray tv2(NDManager manager) {
        NDArray a = slopes.getArray();
        try (NDManager sub = manager.newSubManager()) {
            NDArray magnitude = own(sub, a.abs());
            NDArray result = magnitude.sum();
            result.attach(manager);
            return result;
        }
    }

    @Override
    public double[] tv2PerActivation() {
        double[][] a = reluSlopes();
        double[] tv2 = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (double v : a[i]) {
                tv2[i] += Math.abs(v);
            }
        }
        return tv2;
    }

    /** Copy (A × K) of the slope changes a. */
    public double[][] reluSlopes() {
        return rows(read(slopes), config().numActivations(), config().size() - 2);
    }

    /**
     * Sets the slope changes a (A × K) in place.
     *
     * @throws IllegalArgumentException for a wrong shape or non-finite values
     */
    public void setReluSlopes(double[][] values) {
        checkTable("ReLU slopes", values, config().size() - 2);
        write(slopes, flatten(values));
    }

    /** Slopes b1 of the linear term. */
    public double[] linearSlopes() {
        return read(weight);
    }

    /** Offsets b0 of the linear term. */
    public double[] linearOffsets() {
        return read(bias);
    }

    /**
     * Sets the linear term b1·x + b0 in place.
     *
     * @throws IllegalArgumentException for wrong lengths or non-finite values
     */
    public void setLinearTerm(double[] slopes, double[] offsets) {
        checkVector("Linear slopes", slopes);
        checkVector("Linear offsets", offsets);
        write(weight, slopes);
        write(bias, offsets);
    }

    /** The whole activation's values at the S knots (its B-spline coefficients). */
    @Override
    public double[][] coefficients() {
        return fullCoefficients();
    }

    /** Sets a, b1 and b0 so that the activation takes the given values at the S knots. */
    @Override
    public void setCoefficients(double[][] values) {
        checkTable("Spline coefficients", values, config().size());
        double[][][] p = fromFull(values, grid());
        write(slopes, flatten(p[0]));
        write(weight, p[1][0]);
        write(bias, p[2][0]);
    }

    @Override
    double[][] fullCoefficients() {
        double[][] a = reluSlopes();
        double[] b1 = linearSlopes();
        double[] b0 = linearOffsets();
        double[] tau = knotLocations();
        double[] t = SplineMath.knots(config().size(), grid());
        double[][] c = new double[a.length][t.length];
        for (int u = 0; u < a.length; u++) {
            for (int i = 0; i < t.length; i++) {
                double v = b1[u] * t[i] + b0[u];
                for (int k = 0; k < tau.length; k++) {
                    v += a[u][k] * Math.max(0, t[i] - tau[k]);
                }
                c[u][i] = v;
            }
        }
        return c;
    }

    /** Clips the whole activation's slopes and re-expresses it in the ReLU basis (its value at t_0 is kept). */
    @Override
    public void applyConstraint() {
        double[] bounds = constraintBounds();
        if (bounds == null) {
            return;
        }
        double[][] c = fullCoefficients();
        for (double[] row : c) {
            SplineMath.clipSlopes(row, grid(), 0, bounds[0], bounds[1]);
        }
        setCoefficients(c);
    }

    /** Zeroes the slope changes with |a_k| ≤ threshold; b1 and b0 are kept. */
    @Override
    public SparsifyResult sparsify(double threshold) {
        checkThreshold(threshold);
        double[][] a = reluSlopes();
        boolean[][] active = new boolean[a.length][];
        for (int u = 0; u < a.length; u++) {
            active[u] = new boolean[a[u].length];
            for (int k = 0; k < a[u].length; k++) {
                if (Math.abs(a[u][k]) <= threshold) {
                    a[u][k] = 0;
                } else {
                    active[u][k] = true;
                }
            }
        }
        write(slopes, flatten(a));
        return new SparsifyResult(threshold, active);
    }
}
