package org.deepsplines.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** Sets PyTorch's intra-op thread count for benchmarks and reports what the engine really uses. */
final class TorchThreads {

    private TorchThreads() {}

    /**
     * Applies {@code threads} (before the engine starts through its system property, afterwards directly).
     *
     * @return the thread count in effect
     * @throws IllegalArgumentException for fewer than 1 thread
     */
    static int set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Thread count must be at least 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
        return JniUtils.getNumThreads();
    }
}
