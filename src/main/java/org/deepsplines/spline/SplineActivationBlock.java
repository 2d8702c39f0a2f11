package org.deepsplines.spline;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A DJL block of learned linear-spline activations. The two implementations are
 * {@link BSplineActivation} (the default, well conditioned) and {@link ReluSplineActivation}; create
 * the right one for a configuration with {@link #create(SplineConfig)}.
 *
 * <p>This class holds what both share: configuration, input checks (rank, channel count, precision),
 * saving with a versioned configuration header, and the reporting quantities derived from the whole
 * function's values at the knots. Parameters work in float32 or float64, chosen by the data type given
 * to {@code initialize}.
 */
public abstract class SplineActivationBlock extends AbstractBlock implements LearnedActivation {

    /** Format version of the saved metadata. */
    static final byte VERSION = 1;

    private final SplineConfig config;

    SplineActivationBlock(SplineConfig config, SplineBasis basis) {
        super(VERSION);
        if (config.basis() != basis) {
            throw new IllegalArgumentException("This activation block implements the " + basis.id()
                    + " basis but the configuration asks for " + config.basis().id()
                    + "; use SplineActivationBlock.create(config) to pick the right block");
        }
        this.config = config;
    }

    /** A new block for {@code config}: B-spline or ReLU basis as configured. */
    public static SplineActivationBlock create(SplineConfig config) {
        return config.basis() == SplineBasis.RELU ? new ReluSplineActivation(config) : new BSplineActivation(config);
    }

    @Override
    public final SplineConfig config() {
        return config;
    }

    /** The parameter whose array decides the working precision. */
    abstract Parameter primaryParameter();

    /**
     * The activation's values at the knots t_i (A × S), linear term included: its B-spline coefficients
     * as a whole function.
     */
    abstract double[][] fullCoefficients();

    /** Forward pass on the (N, A, M) view {@code xs}, creating temporaries in {@code sub}. */
    abstract NDArray evaluate(NDManager sub, ParameterStore store, NDArray xs, boolean training);

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        ActivationLayout layout = ActivationLayout.of(x.getShape(), config);
        DataType working = dataType();
        if (x.getDataType() != working) {
            throw new IllegalArgumentException("Input of type " + x.getDataType() + " given to a spline activation "
                    + "initialised in " + working + "; cast the input or initialise the network in "
                    + x.getDataType());
        }
        NDManager caller = x.getManager();
        try (NDManager sub = caller.newSubManager()) {
            NDArray xs = own(sub, x.reshape(layout.viewShape()));
            NDArray y = evaluate(sub, store, xs, training).reshape(x.getShape());
            y.attach(caller);
            return new NDList(y);
        }
    }

    /** The output has the input's shape. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes.clone();
    }

    /** Checks the input shape against the configuration before the parameters are created. */
    @Override
    protected void prepare(Shape[] inputShapes) {
        if (inputShapes.length != 1) {
            throw new IllegalArgumentException("A spline activation takes one input, got " + inputShapes.length);
        }
        ActivationLayout.of(inputShapes[0], config);
    }

    /** Working precision (float32 or float64) of the initialised parameters. */
    final DataType dataType() {
        Parameter p = primaryParameter();
        if (!p.isInitialized()) {
            throw new IllegalStateException("The spline activation is not initialised; call initialize() or "
                    + "loadParameters() first");
        }
        return p.getArray().getDataType();
    }

    @Override
    public final double grid() {
        return dataType() == DataType.FLOAT32 ? (float) config.grid() : config.grid();
    }

    @Override
    public double[] tv2PerActivation() {
        double[][] c = fullCoefficients();
        double[] tv2 = new double[c.length];
        for (int a = 0; a < c.length; a++) {
            tv2[a] = SplineMath.tv2(c[a], grid());
        }
        return tv2;
    }

    @Override
    public final double[] bv2PerActivation() {
        double[][] c = fullCoefficients();
        double[] tv2 = tv2PerActivation();
        double grid = grid();
        double[] bv2 = new double[c.length];
        for (int a = 0; a < c.length; a++) {
            bv2[a] = tv2[a] + Math.abs(SplineMath.evaluate(c[a], grid, 0)) + Math.abs(SplineMath.evaluate(c[a], grid, 1));
        }
        return bv2;
    }

    @Override
    public final double[] lipschitzPerActivation() {
        double[][] c = fullCoefficients();
        double[] lip = new double[c.length];
        for (int a = 0; a < c.length; a++) {
            lip[a] = SplineMath.lipschitz(c[a], grid(), 0);
        }
        return lip;
    }

    @Override
    public final ActivationTable knotTable(int activation) {
        if (activation < 0 || activation >= config.numActivations()) {
            throw new IllegalArgumentException("Activation index " + activation + " is outside 0.."
                    + (config.numActivations() - 1));
        }
        return new ActivationTable(activation, grid(), fullCoefficients()[activation]);
    }

    /** Slope bounds [lo, hi] of the configured constraint, or null for none. */
    final double[] constraintBounds() {
        switch (config.constraint()) {
            case ONE_LIPSCHITZ:
                return new double[] {-1, 1};
            case MONOTONE:
                return new double[] {0, Double.POSITIVE_INFINITY};
            case NONE:
            default:
                return null;
        }
    }

    static void checkThreshold(double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("Sparsification threshold must be a finite number >= 0, got "
                    + threshold);
        }
    }

    // ---- parameters -------------------------------------------------------------------------------

    /** Adds a trainable parameter with a fixed shape; type OTHER keeps weight/bias initialisers away. */
    final Parameter addSplineParameter(String name, Shape shape, Initializer initializer) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(shape)
                .optInitializer(initializer).optRequiresGrad(true).build());
    }

    /** Creates an array of {@code shape} holding {@code values} in a float32 or float64 {@code type}. */
    static NDArray createArray(NDManager manager, double[] values, Shape shape, DataType type) {
        if (type == DataType.FLOAT64) {
            return manager.create(values, shape);
        }
        if (type == DataType.FLOAT32) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return manager.create(f, shape);
        }
        throw new IllegalArgumentException("Spline activations work in float32 or float64, not " + type
                + "; initialise the network with DataType.FLOAT32 or FLOAT64");
    }

    /** A 0-d array of {@code type}, rounded like the reference rounds scalars. */
    static NDArray scalar(NDManager manager, double value, DataType type) {
        return type == DataType.FLOAT64 ? manager.create(value) : manager.create((float) value);
    }

    /** Moves an op's result (created in its first operand's manager) into {@code sub}. */
    static NDArray own(NDManager sub, NDArray array) {
        array.attach(sub);
        return array;
    }

    static double[] read(Parameter p) {
        NDArray array = p.getArray();
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        float[] f = array.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Overwrites a parameter's values in place (its gradient attachment stays). */
    static void write(Parameter p, double[] values) {
        NDArray array = p.getArray();
        if (array.getDataType() == DataType.FLOAT64) {
            array.set(values);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            array.set(f);
        }
    }

    static double[][] rows(double[] flat, int rows, int cols) {
        double[][] r = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, r[i], 0, cols);
        }
        return r;
    }

    static double[] flatten(double[][] rows) {
        int cols = rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    /**
     * Checks an (A × cols) table given by a caller.
     *
     * @throws IllegalArgumentException for a wrong shape or non-finite values
     */
    final void checkTable(String what, double[][] values, int cols) {
        int rows = config.numActivations();
        if (values == null || values.length != rows) {
            throw new IllegalArgumentException(what + " must have " + rows + " rows (one per activation), got "
                    + (values == null ? "null" : values.length));
        }
        for (int a = 0; a < rows; a++) {
            if (values[a] == null || values[a].length != cols) {
                throw new IllegalArgumentException(what + " row " + a + " must have " + cols + " values, got "
                        + (values[a] == null ? "null" : values[a].length));
            }
            for (double v : values[a]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + a + " holds a non-finite value " + v);
                }
            }
        }
    }

    /**
     * Checks a per-activation vector given by a caller.
     *
     * @throws IllegalArgumentException for a wrong length or non-finite values
     */
    final void checkVector(String what, double[] values) {
        int rows = config.numActivations();
        if (values == null || values.length != rows) {
            throw new IllegalArgumentException(what + " must have " + rows + " values (one per activation), got "
                    + (values == null ? "null" : values.length));
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " holds a non-finite value " + v);
            }
        }
    }

    // ---- non-finite inputs ------------------------------------------------------------------------

    /**
     * Where {@code xs} holds NaN or ±Inf, or null when every element is finite. One reduction decides,
     * so finite batches pay for a single sum.
     */
    static NDArray nonFiniteMask(NDArray tFixed) {
        try (NDArray sum = tFixed.sum(); NDArray sum64 = sum.toType(DataType.FLOAT64, false)) {
            if (Double.isFinite(sum64.getDouble())) {
                return null;
            }
        }
        return tFixed.isNaN().logicalOr(tFixed.isInfinite());
    }

    /** where(mask, a, b) with the result in {@code a}'s manager. */
    static NDArray where(NDArray mask, NDArray a, NDArray b) {
        return NDArrays.where(mask, a, b);
    }

    // ---- saving -----------------------------------------------------------------------------------

    /** Saves the input shapes and the configuration, so loading can check it matches. */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeUTF(config.toJson().toString());
    }

    /** Checks the format version and that the saved configuration matches this block's. */
    @Override
    protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("Cannot load spline activation parameters saved in format version "
                    + loadVersion + "; this version reads format " + VERSION);
        }
        readInputShapes(is);
        String json = is.readUTF();
        SplineConfig saved;
        try {
            saved = SplineConfig.fromJson(JsonParser.parseString(json).getAsJsonObject());
        } catch (RuntimeException e) {
            throw new MalformedModelException("Unreadable spline activation configuration " + json, e);
        }
        if (!sameStructure(saved, config)) {
            throw new MalformedModelException("The saved spline activation has configuration " + saved.toJson()
                    + " but this block was built with " + config.toJson()
                    + "; build the network with the saved configuration");
        }
    }

    /** Loads the parameters and re-enables their gradients for further training. */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        super.loadParameters(manager, is);
        for (Parameter p : getDirectParameters().values()) {
            NDArray array = p.getArray();
            if (array.getDataType() != DataType.FLOAT32 && array.getDataType() != DataType.FLOAT64) {
                throw new MalformedModelException("Spline parameter " + p.getName() + " was saved as "
                        + array.getDataType() + "; only float32 and float64 are supported");
            }
            if (p.requiresGradient()) {
                array.setRequiresGradient(true);
            }
        }
    }

    /** Whether two configurations describe parameters of the same shape and meaning. */
    private static boolean sameStructure(SplineConfig a, SplineConfig b) {
        return a.size() == b.size() && Double.compare(a.grid(), b.grid()) == 0
                && a.numActivations() == b.numActivations() && a.mode() == b.mode()
                && a.explicitLinear() == b.explicitLinear() && a.learnableBias() == b.learnableBias()
                && a.basis() == b.basis();
    }
}
