package org.deepsplines.spline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable description of one layer of learned linear-spline activations: knot grid, number of
 * activations and how they map onto the input, initialisation, parameterisation and slope constraint.
 *
 * <p>The knot grid has an odd number {@code size} = S of knots at t_i = (i − L)·T, i = 0..S−1,
 * L = S / 2. The spacing T is given either directly ({@link Builder#grid(double)}) or through the
 * half-range R ({@link Builder#range(double)}), in which case T = floor((R / L) / 1e-6)·1e-6 in double
 * precision, exactly as the reference implementation computes it.
 *
 * <p>JSON form (snake_case keys, lower-case enum names), e.g.
 * {@code {"size":51,"range":4.0,"num_activations":64,"mode":"channel","init":"leaky_relu",...}}.
 */
public final class SplineConfig {

    private static final double RANGE_QUANTUM = 1e-6;
    private static final Set<String> JSON_KEYS = Set.of("size", "grid", "range", "num_activations", "mode",
            "init", "seed", "perturb_sigma", "explicit_linear", "learnable_bias", "constraint", "basis");

    private final int size;
    private final double grid;
    private final double range; // NaN when the grid was given directly
    private final int numActivations;
    private final ActivationMode mode;
    private final SplineInit init;
    private final long seed;
    private final double perturbSigma;
    private final boolean explicitLinear;
    private final boolean learnableBias;
    private final SlopeConstraint constraint;
    private final SplineBasis basis;

    private SplineConfig(Builder b, double resolvedGrid) {
        this.size = b.size;
        this.grid = resolvedGrid;
        this.range = b.range;
        this.numActivations = b.numActivations;
        this.mode = b.mode;
        this.init = b.init;
        this.seed = b.seed;
        this.perturbSigma = b.perturbSigma;
        this.explicitLinear = b.explicitLinear;
        this.learnableBias = b.learnableBias;
        this.constraint = b.constraint;
        this.basis = b.basis;
    }

    /** A builder with defaults: size 51, channel mode, leaky-ReLU init, B-spline basis, no constraint. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration (the grid or range as originally given). */
    public Builder toBuilder() {
        Builder b = new Builder().size(size).numActivations(numActivations).mode(mode).init(init).seed(seed)
                .perturbSigma(perturbSigma).explicitLinear(explicitLinear).learnableBias(learnableBias)
                .constraint(constraint).basis(basis);
        return Double.isNaN(range) ? b.grid(grid) : b.range(range);
    }

    /**
     * Knot spacing from a half-range: T = floor((R / L) / 1e-6)·1e-6 with L = size / 2, in double.
     */
    public static double gridFromRange(double range, int size) {
        int half = size / 2;
        return Math.floor((range / half) / RANGE_QUANTUM) * RANGE_QUANTUM;
    }

    /** Number of knots S (odd, at least 3). */
    public int size() {
        return size;
    }

    /** L = S / 2: knot indices run from −L to L. */
    public int halfSize() {
        return size / 2;
    }

    /** The resolved knot spacing T in double precision (before rounding to the working precision). */
    public double grid() {
        return grid;
    }

    /** The half-range R when the grid was given through it, otherwise empty. */
    public OptionalDouble range() {
        return Double.isNaN(range) ? OptionalDouble.empty() : OptionalDouble.of(range);
    }

    /** Number of activations A in the layer. */
    public int numActivations() {
        return numActivations;
    }

    /** How activations map onto input elements. */
    public ActivationMode mode() {
        return mode;
    }

    /** Initial shape of every activation. */
    public SplineInit init() {
        return init;
    }

    /** Seed of the perturbation used by {@link SplineInit#RANDOM}. */
    public long seed() {
        return seed;
    }

    /** Standard deviation of the perturbation used by {@link SplineInit#RANDOM}. */
    public double perturbSigma() {
        return perturbSigma;
    }

    /** Whether a B-spline activation carries an explicit linear term b1·x (+ b0). */
    public boolean explicitLinear() {
        return explicitLinear;
    }

    /** Whether the explicit linear term has a learnable offset b0. */
    public boolean learnableBias() {
        return learnableBias;
    }

    /** Slope constraint enforced after each optimiser step. */
    public SlopeConstraint constraint() {
        return constraint;
    }

    /** Parameterisation of the splines. */
    public SplineBasis basis() {
        return basis;
    }

    /** JSON form; the grid is written as "grid" or "range", whichever was given. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("size", size);
        if (Double.isNaN(range)) {
            o.addProperty("grid", grid);
        } else {
            o.addProperty("range", range);
        }
        o.addProperty("num_activations", numActivations);
        o.addProperty("mode", mode.id());
        o.addProperty("init", init.id());
        o.addProperty("seed", seed);
        o.addProperty("perturb_sigma", perturbSigma);
        o.addProperty("explicit_linear", explicitLinear);
        o.addProperty("learnable_bias", learnableBias);
        o.addProperty("constraint", constraint.id());
        o.addProperty("basis", basis.id());
        return o;
    }

    /**
     * Reads the JSON form written by {@link #toJson()}. Keys other than "size", exactly one of "grid" and
     * "range", and "num_activations" are optional and take the builder defaults.
     *
     * @throws IllegalArgumentException for unknown keys, wrong value types or an invalid configuration
     */
    public static SplineConfig fromJson(JsonObject json) {
        Objects.requireNonNull(json, "json");
        Set<String> unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(JSON_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown key(s) " + unknown + " in spline configuration; valid keys: "
                    + new TreeSet<>(JSON_KEYS));
        }
        Builder b = builder();
        try {
            if (json.has("size")) {
                b.size(json.get("size").getAsInt());
            }
            if (json.has("grid")) {
                b.grid(json.get("grid").getAsDouble());
            }
            if (json.has("range")) {
                b.range(json.get("range").getAsDouble());
            }
            if (json.has("num_activations")) {
                b.numActivations(json.get("num_activations").getAsInt());
            }
            if (json.has("mode")) {
                b.mode(ActivationMode.parse(text(json.get("mode"))));
            }
            if (json.has("init")) {
                b.init(SplineInit.parse(text(json.get("init"))));
            }
            if (json.has("seed")) {
                b.seed(json.get("seed").getAsLong());
            }
            if (json.has("perturb_sigma")) {
                b.perturbSigma(json.get("perturb_sigma").getAsDouble());
            }
            if (json.has("explicit_linear")) {
                b.explicitLinear(json.get("explicit_linear").getAsBoolean());
            }
            if (json.has("learnable_bias")) {
                b.learnableBias(json.get("learnable_bias").getAsBoolean());
            }
            if (json.has("constraint")) {
                b.constraint(SlopeConstraint.parse(text(json.get("constraint"))));
            }
            if (json.has("basis")) {
                b.basis(SplineBasis.parse(text(json.get("basis"))));
            }
        } catch (ClassCastException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("Malformed spline configuration " + json + ": " + e.getMessage(), e);
        }
        return b.build();
    }

    private static String text(JsonElement e) {
        return e.getAsString();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SplineConfig)) {
            return false;
        }
        SplineConfig o = (SplineConfig) other;
        return size == o.size && Double.compare(grid, o.grid) == 0 && Double.compare(range, o.range) == 0
                && numActivations == o.numActivations && mode == o.mode && init == o.init && seed == o.seed
                && Double.compare(perturbSigma, o.perturbSigma) == 0 && explicitLinear == o.explicitLinear
                && learnableBias == o.learnableBias && constraint == o.constraint && basis == o.basis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, grid, range, numActivations, mode, init, seed, perturbSigma, explicitLinear,
                learnableBias, constraint, basis);
    }

    @Override
    public String toString() {
        return "SplineConfig" + toJson();
    }

    /** Mutable builder; {@link #build()} validates and returns an immutable {@link SplineConfig}. */
    public static final class Builder {
        private int size = 51;
        private double grid = Double.NaN;
        private double range = Double.NaN;
        private boolean gridSet;
        private boolean rangeSet;
        private int numActivations;
        private ActivationMode mode = ActivationMode.CHANNEL;
        private SplineInit init = SplineInit.LEAKY_RELU;
        private long seed;
        private double perturbSigma = 0.1;
        private boolean explicitLinear;
        private boolean learnableBias;
        private SlopeConstraint constraint = SlopeConstraint.NONE;
        private SplineBasis basis = SplineBasis.BSPLINE;

        private Builder() {}

        /** Number of knots S: odd and at least 3 (default 51). */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /** Knot spacing T (&gt; 0). Give either this or {@link #range(double)}. */
        public Builder grid(double grid) {
            this.grid = grid;
            this.gridSet = true;
            return this;
        }

        /** Half-range R (&gt; 0) of the knot grid, from which T is derived. Give either this or a grid. */
        public Builder range(double range) {
            this.range = range;
            this.rangeSet = true;
            return this;
        }

        /** Number of activations A (at least 1): channels, or units of a dense layer. */
        public Builder numActivations(int numActivations) {
            this.numActivations = numActivations;
            return this;
        }

        /** How activations map onto the input (default {@link ActivationMode#CHANNEL}). */
        public Builder mode(ActivationMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Initial activation shape (default {@link SplineInit#LEAKY_RELU}). */
        public Builder init(SplineInit init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /** Seed of the {@link SplineInit#RANDOM} perturbation (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Standard deviation of the {@link SplineInit#RANDOM} perturbation (default 0.1, must be ≥ 0). */
        public Builder perturbSigma(double perturbSigma) {
            this.perturbSigma = perturbSigma;
            return this;
        }

        /** Adds an explicit linear term b1·x to B-spline activations (default false). */
        public Builder explicitLinear(boolean explicitLinear) {
            this.explicitLinear = explicitLinear;
            return this;
        }

        /** Adds a learnable offset b0 to the explicit linear term (default false; needs explicit linear). */
        public Builder learnableBias(boolean learnableBias) {
            this.learnableBias = learnableBias;
            return this;
        }

        /** Slope constraint (default {@link SlopeConstraint#NONE}). */
        public Builder constraint(SlopeConstraint constraint) {
            this.constraint = Objects.requireNonNull(constraint, "constraint");
            return this;
        }

        /**
         * Parameterisation (default {@link SplineBasis#BSPLINE}). The ReLU basis always carries its own
         * linear term b1·x + b0, so {@code explicitLinear} and {@code learnableBias} do not apply to it.
         */
        public Builder basis(SplineBasis basis) {
            this.basis = Objects.requireNonNull(basis, "basis");
            return this;
        }

        /**
         * Validates and builds the configuration.
         *
         * @throws IllegalArgumentException with a message saying what to change
         */
        public SplineConfig build() {
            if (size < 3) {
                throw new IllegalArgumentException("Spline size must be an odd number of knots of at least 3, got "
                        + size + "; use e.g. 51");
            }
            if (size % 2 == 0) {
                throw new IllegalArgumentException("Spline size must be odd (knots symmetric around 0), got " + size
                        + "; use " + (size + 1) + " or " + (size - 1));
            }
            if (gridSet && rangeSet) {
                throw new IllegalArgumentException(
                        "Give either the knot spacing (grid) or the half-range (range) of the splines, not both");
            }
            if (!gridSet && !rangeSet) {
                throw new IllegalArgumentException(
                        "Give the knot spacing of the splines with grid(T), or their half-range with range(R)");
            }
            double resolved;
            if (gridSet) {
                if (!(grid > 0) || Double.isInfinite(grid)) {
                    throw new IllegalArgumentException("Spline grid (knot spacing) must be a finite number > 0, got "
                            + grid + "; e.g. 0.1");
                }
                resolved = grid;
            } else {
                if (!(range > 0) || Double.isInfinite(range)) {
                    throw new IllegalArgumentException("Spline range must be a finite number > 0, got " + range
                            + "; e.g. 4");
                }
                resolved = gridFromRange(range, size);
                if (!(resolved > 0)) {
                    throw new IllegalArgumentException("Spline range " + range + " is too small for " + size
                            + " knots (the spacing would round to 0); use a larger range or fewer knots");
                }
            }
            if (numActivations < 1) {
                throw new IllegalArgumentException("Number of activations must be at least 1, got " + numActivations
                        + "; set it to the number of channels (or units) of the layer");
            }
            if (!(perturbSigma >= 0) || Double.isInfinite(perturbSigma)) {
                throw new IllegalArgumentException("Perturbation sigma must be a finite number >= 0, got "
                        + perturbSigma);
            }
            if (learnableBias && !explicitLinear && basis == SplineBasis.BSPLINE) {
                throw new IllegalArgumentException(
                        "learnableBias(true) needs explicitLinear(true): the offset b0 belongs to the explicit linear term");
            }
            return new SplineConfig(this, resolved);
        }
    }
}
