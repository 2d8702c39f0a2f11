package org.deepsplines.denoise;

import java.util.ArrayList;
import java.util.List;
import org.deepsplines.data.GaussianNoise;
import org.deepsplines.data.GrayImage;
import org.deepsplines.data.NoisyBatch;
import org.deepsplines.data.PatchBatch;
import org.deepsplines.data.PatchSampler;
import org.deepsplines.nn.GradientMode;
import org.deepsplines.train.SparsityScan;

/**
 * Sparsifies a trained denoiser as far as its denoising quality allows: scans slope-change thresholds and
 * keeps the largest for which the PSNR on fixed noisy crops of the given clean images drops by at most a
 * tolerance. The model is changed in place; its description records the result.
 */
public final class DenoiserSparsification {
    private static final int CROPS = 16;
    private static final int CROP_SIZE = 96;

    private DenoiserSparsification() {}

    /**
     * @param images clean 2D images (raw values; normalised as the model does)
     * @param sigma noise σ of the test crops, 0–255 scale
     * @param toleranceDb largest PSNR loss accepted
     * @param seed seed of the crops and noise
     */
    public static SparsityScan.Result run(DenoiserModel model, List<GrayImage> images, double sigma,
            double toleranceDb, long seed) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Sparsifying by PSNR needs at least one clean image.");
        }
        if (!(toleranceDb >= 0)) {
            throw new IllegalArgumentException("The PSNR tolerance must be ≥ 0 dB, got " + toleranceDb);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("The test noise σ must be > 0 (0–255 scale), got " + sigma);
        }
        GradientMode.offOnThisThread();
        List<GrayImage> normalized = new ArrayList<>();
        int minSide = Integer.MAX_VALUE;
        for (GrayImage im : images) {
            PixelChecks.requireFinite(im);
            if (im.isVolume()) {
                throw new IllegalArgumentException("Use 2D images to sparsify; " + im.describe() + " is a stack.");
            }
            normalized.add(im.normalized(DenoiserModel.normalizationFor(im)));
            minSide = Math.min(minSide, Math.min(im.width(), im.height()));
        }
        PatchBatch clean = PatchSampler.fixedCrops(normalized, Math.min(CROP_SIZE, minSide), CROPS, seed);
        NoisyBatch noisy = GaussianNoise.fixed(sigma / 255.0, seed + 1).apply(clean);
        SparsityScan.Result r = SparsityScan.run(model.block(), () -> DenoiserTrainer.validationPsnr(model, noisy),
                toleranceDb);
        model.description().add("sparsity", r.toJson());
        return r;
    }
}
