package org.deepsplines.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.norm.BatchNorm;

/** Builds DnCNN-style residual denoisers from a {@link DnCnnConfig}. */
public final class DnCnn {
    private DnCnn() {}

    /** The full network, input (N,C,H,W) or (N,C,D,H,W) → same shape. */
    public static ResidualBlock build(DnCnnConfig cfg) {
        SequentialBlock body = new SequentialBlock();
        body.add(conv(cfg, cfg.width(), true));
        body.add(ActivationFactory.create(cfg.activation(), cfg.width()));
        for (int i = 0; i < cfg.depth() - 2; i++) {
            body.add(conv(cfg, cfg.width(), !cfg.batchNorm()));
            if (cfg.batchNorm()) {
                body.add(BatchNorm.builder().optMomentum(0.9f).build());
            }
            body.add(ActivationFactory.create(cfg.activation(), cfg.width()));
        }
        body.add(conv(cfg, cfg.channels(), false));
        return new ResidualBlock(body);
    }

    /** The input shape used to initialise parameters (batch 1, a patch of side {@code patch}). */
    public static Shape initShape(DnCnnConfig cfg, int patch) {
        return cfg.spatialDims() == 2
                ? new Shape(1, cfg.channels(), patch, patch)
                : new Shape(1, cfg.channels(), patch, patch, patch);
    }

    private static Block conv(DnCnnConfig cfg, int filters, boolean bias) {
        int k = cfg.kernel();
        int p = k / 2;
        if (cfg.spatialDims() == 2) {
            return Conv2d.builder().setKernelShape(new Shape(k, k)).setFilters(filters)
                    .optPadding(new Shape(p, p)).optBias(bias).build();
        }
        return Conv3d.builder().setKernelShape(new Shape(k, k, k)).setFilters(filters)
                .optPadding(new Shape(p, p, p)).optBias(bias).build();
    }
}
