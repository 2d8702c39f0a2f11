package org.deepsplines.spline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Network-level operations over every learned activation inside a DJL block tree: the TV2 regulariser,
 * the Lipschitz bound, the constraint step, and recognising spline parameters so a trainer can give them
 * their own optimiser.
 */
public final class SplineNetworks {

    private static final Set<String> SPLINE_PARAMETERS = Set.of(BSplineActivation.COEFFICIENTS,
            BSplineActivation.WEIGHT, BSplineActivation.BIAS, ReluSplineActivation.SLOPES);

    private SplineNetworks() {}

    /** Every learned activation in {@code root} (itself included), depth first in child order. */
    public static List<LearnedActivation> find(Block root) {
        List<LearnedActivation> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Block block, List<LearnedActivation> found) {
        if (block instanceof LearnedActivation) {
            found.add((LearnedActivation) block);
        }
        for (Block child : block.getChildren().values()) {
            collect(child, found);
        }
    }

    /**
     * Σ over layers and activations of TV2, differentiable, as a scalar attached to {@code manager}
     * (a float32 zero when the network has no learned activation).
     */
    public static NDArray totalTv2(Block root, NDManager manager) {
        List<LearnedActivation> layers = find(root);
        if (layers.isEmpty()) {
            return manager.zeros(new Shape(), DataType.FLOAT32);
        }
        NDArray total = null;
        for (LearnedActivation layer : layers) {
            NDArray tv2 = layer.tv2(manager);
            if (total == null) {
                total = tv2;
            } else {
                // No early close: the partial sums are nodes of the graph that backward walks.
                total = total.add(tv2);
            }
        }
        return total;
    }

    /**
     * Upper bound on the network's Lipschitz constant (no gradient): the product over {@link Linear} and
     * {@link Convolution} blocks of max|W| over their weights (parameters whose name ends in "weight";
     * biases do not count), times the product over spline layers of Σ_a BV2(σ_a).
     */
    public static double lipschitzBound(Block root) {
        double[] product = {1};
        multiply(root, product);
        return product[0];
    }

    private static void multiply(Block block, double[] product) {
        if (block instanceof LearnedActivation) {
            double sum = 0;
            for (double v : ((LearnedActivation) block).bv2PerActivation()) {
                sum += v;
            }
            product[0] *= sum;
        } else if (block instanceof Linear || block instanceof Convolution) {
            for (Parameter p : block.getDirectParameters().values()) {
                if (p.getName().endsWith("weight") && !isSplineParameter(p.getName()) && p.isInitialized()) {
                    try (NDArray abs = p.getArray().abs(); NDArray max = abs.max();
                            NDArray max64 = max.toType(DataType.FLOAT64, false)) {
                        product[0] *= max64.getDouble();
                    }
                }
            }
        }
        for (Block child : block.getChildren().values()) {
            multiply(child, product);
        }
    }

    /** Calls {@link LearnedActivation#applyConstraint()} on every learned activation; use after each step. */
    public static void applyConstraints(Block root) {
        for (LearnedActivation layer : find(root)) {
            layer.applyConstraint();
        }
    }

    /**
     * Whether a parameter belongs to a learned activation: its name is one of "spline_coefficients",
     * "spline_weight", "spline_bias", "relu_slopes", or ends with "_" followed by one of them (the
     * prefixed names {@code Block.getParameters()} reports for nested blocks).
     */
    public static boolean isSplineParameter(String name) {
        if (name == null) {
            return false;
        }
        for (String s : SPLINE_PARAMETERS) {
            if (name.equals(s) || name.endsWith("_" + s)) {
                return true;
            }
        }
        return false;
    }
}
