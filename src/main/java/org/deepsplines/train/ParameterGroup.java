package org.deepsplines.train;

import ai.djl.nn.Parameter;
import org.deepsplines.spline.SplineNetworks;

/** Optimiser groups: weights get weight decay; spline coefficients get their own learning rate. */
public enum ParameterGroup {
    WEIGHTS, OTHER, SPLINES;

    public static ParameterGroup of(Parameter p) {
        if (SplineNetworks.isSplineParameter(p.getName())) {
            return SPLINES;
        }
        return p.getType() == Parameter.Type.WEIGHT ? WEIGHTS : OTHER;
    }
}
