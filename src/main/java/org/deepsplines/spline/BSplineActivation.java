package org.deepsplines.spline;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * Learned linear-spline activations in the linear B-spline basis: activation a is the piecewise-linear
 * interpolant of its coefficients c[a][i] at the knots t_i = (i − L)·T, continued linearly outside
 * [−L·T, L·T] with the end slopes, plus an optional explicit linear term b1·x (+ b0).
 *
 * <p>Parameters: {@code "spline_coefficients"} (A, S); with an explicit linear term also
 * {@code "spline_weight"} (A) = b1 and, when the bias is learnable, {@code "spline_bias"} (A) = b0.
 *
 * <p>Forward pass: with t = x / T, cell k = clamp(floor(t), −L, L − 1) and φ = t − k (φ outside [0, 1]
 * extrapolates), σ(x) = c_{k+L} + φ·(c_{k+L+1} − c_{k+L}). Each input element reads two coefficients
 * through {@code gather}; the gradients (dσ/dx = slope of the cell, dσ/dc = 1 − φ and φ) come from
 * autograd. At a knot the right-hand slope is used. Non-finite inputs produce non-finite outputs at the
 * same positions and contribute nothing to any gradient.
 */
public final class BSplineActivation extends SplineActivationBlock {

    /** Name of the coefficient parameter. */
    public static final String COEFFICIENTS = "spline_coefficients";
    /** Name of the linear slope parameter b1. */
    public static final String WEIGHT = "spline_weight";
    /** Name of the linear offset parameter b0. */
    public static final String BIAS = "spline_bias";

    private final Parameter coefficients;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param config a configuration with basis {@link SplineBasis#BSPLINE}
     * @throws IllegalArgumentException for another basis
     */
    public BSplineActivation(SplineConfig config) {
        super(config, SplineBasis.BSPLINE);
        int n = config.numActivations();
        coefficients = addSplineParameter(COEFFICIENTS, new Shape(n, config.size()), (manager, shape, type) ->
                createArray(manager, flatten(initial(type).coefficients), shape, type));
        weight = config.explicitLinear() ? addSplineParameter(WEIGHT, new Shape(n), (manager, shape, type) ->
                createArray(manager, initial(type).linearSlope, shape, type)) : null;
        bias = config.explicitLinear() && config.learnableBias()
                ? addSplineParameter(BIAS, new Shape(n), (manager, shape, type) ->
                        createArray(manager, initial(type).linearOffset, shape, type))
                : null;
    }

    private InitialSpline initial(DataType type) {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("Spline activations work in float32 or float64, not " + type
                    + "; initialise the network with DataType.FLOAT32 or FLOAT64");
        }
        return InitialSpline.bspline(config(), type == DataType.FLOAT32);
    }

    @Override
    Parameter primaryParameter() {
        return coefficients;
    }

    @Override
    NDArray evaluate(NDManager sub, ParameterStore store, NDArray xs, boolean training) {
        Device device = xs.getDevice();
        NDArray coef = store.getValue(coefficients, device, training);
        NDArray b1 = weight == null ? null : store.getValue(weight, device, training);
        NDArray b0 = bias == null ? null : store.getValue(bias, device, training);

        Shape view = xs.getShape();
        long n = view.get(0);
        long a = view.get(1);
        int size = config().size();
        int half = config().halfSize();
        DataType type = xs.getDataType();

        NDArray t = xs.div(scalar(sub, grid(), type));
        NDArray tFixed = t.stopGradient();
        // Clamping the cell index (not x) keeps the index valid and leaves φ free to extrapolate.
        NDArray cell = tFixed.floor().clip(-half, half - 1);
        NDArray mask = nonFiniteMask(tFixed);

        NDArray c = own(sub, coef.reshape(1, a, size));
        NDArray steps = c.diff(1, 2);
        NDArray b1View = b1 == null ? null : own(sub, b1.reshape(1, a, 1));
        NDArray b0View = b0 == null ? null : own(sub, b0.reshape(1, a, 1));

        if (mask == null) {
            NDArray phi = t.sub(cell);
            // In-place updates below only touch tensors no backward function saved: fewer 16 MB buffers.
            NDArray index = cell.addi(half).toType(DataType.INT64, false);
            NDArray left = c.broadcast(n, a, size).gather(index, 2);
            NDArray step = steps.broadcast(n, a, size - 1).gather(index, 2);
            NDArray y = left.addi(phi.mul(step));
            if (b1View != null) {
                y.addi(xs.mul(b1View));
            }
            if (b0View != null) {
                y.addi(b0View);
            }
            return y;
        }

        // Non-finite inputs: a NaN cell would give an invalid index, and NaN/Inf in φ or x would poison
        // the parameter gradients. Compute with those entries zeroed, then put the IEEE result back
        // without gradient.
        NDArray zero = cell.zerosLike(); // DJL's where does not broadcast
        NDArray safeCell = where(cell.isNaN(), zero, cell);
        NDArray index = safeCell.add(half).toType(DataType.INT64, false);
        NDArray phiRaw = t.sub(safeCell);
        NDArray phi = where(mask, zero, phiRaw);
        NDArray left = c.broadcast(n, a, size).gather(index, 2);
        NDArray step = steps.broadcast(n, a, size - 1).gather(index, 2);
        NDArray ySafe = left.add(phi.mul(step));
        NDArray yRaw = left.stopGradient().add(phiRaw.stopGradient().mul(step.stopGradient()));
        if (b1View != null) {
            ySafe = ySafe.add(where(mask, zero, xs).mul(b1View));
            yRaw = yRaw.add(xs.stopGradient().mul(b1View.stopGradient()));
        }
        if (b0View != null) {
            ySafe = ySafe.add(b0View);
            yRaw = yRaw.add(b0View.stopGradient());
        }
        return where(mask, yRaw, ySafe);
    }

    @Override
    public NDArray tv2(NDManager manager) {
        NDArray coef = coefficients.getArray();
        try (NDManager sub = manager.newSubManager()) {
            NDArray secondDiff = own(sub, coef.diff(2, 1));
            NDArray result = secondDiff.div(scalar(sub, grid(), coef.getDataType())).abs().sum();
            result.attach(manager);
            return result;
        }
    }

    /** Copy (A × S) of the coefficients c, without the explicit linear term. */
    @Override
    public double[][] coefficients() {
        return rows(read(coefficients), config().numActivations(), config().size());
    }

    /** Sets the coefficients c in place; the explicit linear term is left as it is. */
    @Override
    public void setCoefficients(double[][] values) {
        checkTable("Spline coefficients", values, config().size());
        write(coefficients, flatten(values));
    }

    /** Slopes b1 of the explicit linear term (zeros without one). */
    public double[] linearSlopes() {
        return weight == null ? new double[config().numActivations()] : read(weight);
    }

    /** Offsets b0 of the explicit linear term (zeros without a learnable bias). */
    public double[] linearOffsets() {
        return bias == null ? new double[config().numActivations()] : read(bias);
    }

    /**
     * Sets the explicit linear term in place.
     *
     * @param slopes b1 per activation
     * @param offsets b0 per activation; must be null or all zero when the bias is not learnable
     * @throws IllegalArgumentException without an explicit linear term, or for wrong lengths
     */
    public void setLinearTerm(double[] slopes, double[] offsets) {
        if (weight == null) {
            throw new IllegalArgumentException("This B-spline activation has no explicit linear term; "
                    + "build it with explicitLinear(true)");
        }
        checkVector("Linear slopes", slopes);
        if (offsets != null) {
            checkVector("Linear offsets", offsets);
            if (bias == null) {
                for (double v : offsets) {
                    if (v != 0) {
                        throw new IllegalArgumentException("This activation has no learnable bias; "
                                + "build it with learnableBias(true) to set non-zero offsets");
                    }
                }
            }
        }
        write(weight, slopes);
        if (bias != null && offsets != null) {
            write(bias, offsets);
        }
    }

    @Override
    double[][] fullCoefficients() {
        double[][] c = coefficients();
        if (weight == null) {
            return c;
        }
        double[] b1 = linearSlopes();
        double[] b0 = linearOffsets();
        double[] t = SplineMath.knots(config().size(), grid());
        for (int a = 0; a < c.length; a++) {
            for (int i = 0; i < t.length; i++) {
                c[a][i] += b1[a] * t[i] + b0[a];
            }
        }
        return c;
    }

    /**
     * Clips the slopes to the configured range and rebuilds the coefficients from c_0. With an explicit
     * linear term the clipped quantity is the whole activation's slope, spline slope + b1: b1 stays as it
     * is and the spline coefficients absorb the correction.
     */
    @Override
    public void applyConstraint() {
        double[] bounds = constraintBounds();
        if (bounds == null) {
            return;
        }
        double[][] c = coefficients();
        double[] b1 = linearSlopes();
        for (int a = 0; a < c.length; a++) {
            SplineMath.clipSlopes(c[a], grid(), b1[a], bounds[0], bounds[1]);
        }
        write(coefficients, flatten(c));
    }

    /** Sparsifies the coefficients c (the linear term has no knots and is kept). */
    @Override
    public SparsifyResult sparsify(double threshold) {
        checkThreshold(threshold);
        double[][] c = coefficients();
        boolean[][] active = new boolean[c.length][];
        for (int a = 0; a < c.length; a++) {
            active[a] = SplineMath.sparsify(c[a], grid(), threshold);
        }
        write(coefficients, flatten(c));
        return new SparsifyResult(threshold, active);
    }
}
