package org.deepsplines.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.deepsplines.spline.SplineNetworks;

/** Counts the trainable parameters of an initialised block, split into weights and spline coefficients. */
public final class ParameterCounts {
    private final long total;
    private final long spline;

    private ParameterCounts(long total, long spline) {
        this.total = total;
        this.spline = spline;
    }

    public static ParameterCounts of(Block block) {
        long total = 0;
        long spline = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (!param.requiresGradient() || param.getShape() == null) {
                continue;
            }
            long n = param.getShape().size();
            total += n;
            if (SplineNetworks.isSplineParameter(param.getName())) {
                spline += n;
            }
        }
        return new ParameterCounts(total, spline);
    }

    public long total() { return total; }
    public long spline() { return spline; }
    public long weights() { return total - spline; }

    @Override
    public String toString() {
        return total + " parameters (" + weights() + " weights, " + spline + " spline coefficients)";
    }
}
