package org.deepsplines.train;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Scores the current network on held-out data; higher is better (e.g. mean PSNR in dB). */
@FunctionalInterface
public interface Validator {
    double score(Block block, ParameterStore store);
}
