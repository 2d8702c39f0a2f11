package org.deepsplines.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deepsplines.spline.SplineConfig;
import org.deepsplines.spline.SplineInit;
import org.junit.jupiter.api.Test;

class ActivationSpecTest {

    @Test
    void descriptionsShowTheGridWithoutRoundOffNoise() {
        ActivationSpec s = ActivationSpec.spline(SplineConfig.builder().size(21).range(2).numActivations(1)
                .init(SplineInit.LEAKY_RELU).build());
        assertEquals("spline(S=21, T=0.2, init=leaky_relu)", s.toString());
        ActivationSpec t = ActivationSpec.spline(SplineConfig.builder().size(51).range(4).numActivations(1).build());
        assertEquals("spline(S=51, T=0.16, init=leaky_relu)", t.toString());
        assertEquals("relu", ActivationSpec.of(ActivationKind.RELU).toString());
    }
}
