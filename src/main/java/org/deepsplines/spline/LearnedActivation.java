package org.deepsplines.spline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A layer of learned linear-spline activations, whatever its parameterisation. Besides the forward pass
 * (it is a DJL block) it exposes the regulariser, the quantities used to report and bound the network
 * (TV2, BV2, Lipschitz constants), and the in-place edits done between optimiser steps.
 *
 * <p>All methods other than {@link #tv2(NDManager)} work on double copies of the parameters and need
 * the block to be initialised (or loaded).
 */
public interface LearnedActivation {

    /** The layer's configuration. */
    SplineConfig config();

    /**
     * The knot spacing the layer really uses: {@link SplineConfig#grid()} rounded to the working precision
     * (float32 layers use {@code (float) T}).
     */
    double grid();

    /**
     * Differentiable Σ_a TV2(σ_a), a scalar in the parameters' precision attached to {@code manager}, to
     * be scaled by λ and added to the training loss.
     */
    NDArray tv2(NDManager manager);

    /** TV2(σ_a) = Σ_k |a_k| per activation (no gradient). */
    double[] tv2PerActivation();

    /** BV2(σ_a) = TV2(σ_a) + |σ_a(0)| + |σ_a(1)| per activation, the linear term included. */
    double[] bv2PerActivation();

    /** Exact Lipschitz constant of each activation: the largest absolute slope, linear term included. */
    double[] lipschitzPerActivation();

    /**
     * Enforces {@link SplineConfig#constraint()} in place; call it after every optimiser step. Does nothing
     * for {@link SlopeConstraint#NONE}.
     */
    void applyConstraint();

    /**
     * Removes every knot whose slope change satisfies |a_k| ≤ {@code threshold}, in place, keeping the
     * activation unchanged left of the second knot, and reports the knots that remain.
     *
     * @throws IllegalArgumentException for a negative or NaN threshold
     */
    SparsifyResult sparsify(double threshold);

    /**
     * Knot positions and values of one activation, linear term included.
     *
     * @throws IllegalArgumentException for an index outside 0..A−1
     */
    ActivationTable knotTable(int activation);

    /** Copy (A × S) of the B-spline coefficients; see the implementing class for the linear term. */
    double[][] coefficients();

    /**
     * Sets the B-spline coefficients (A × S) in place, rounded to the working precision.
     *
     * @throws IllegalArgumentException for a wrong shape or non-finite values
     */
    void setCoefficients(double[][] coefficients);
}
