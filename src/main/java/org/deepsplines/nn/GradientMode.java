package org.deepsplines.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd switch is per thread and on by default; DJL turns it off only on the thread that
 * loads the engine, and a gradient collector restores whatever it found. On any other thread (a Fiji
 * command, a worker pool) parameter updates and in-place edits of parameters then fail with "a leaf
 * Variable that requires grad is being used in an in-place operation", and inference records graphs it
 * never uses. Code that trains, edits or runs a network calls {@link #offOnThisThread()} first.
 */
public final class GradientMode {
    private GradientMode() {}

    /** Turns autograd off for the calling thread (gradient collectors still turn it on while they are open). */
    public static void offOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
