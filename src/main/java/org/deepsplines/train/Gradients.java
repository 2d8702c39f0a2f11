package org.deepsplines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Gradient housekeeping: PyTorch accumulates gradients across backward passes, so each step resets them. */
final class Gradients {
    private Gradients() {}

    static void zero(NDArray parameter) {
        if (parameter instanceof PtNDArray) {
            JniUtils.zeroGrad((PtNDArray) parameter);
        } else {
            try (NDArray g = parameter.getGradient()) {
                g.subi(g);
            }
        }
    }
}
