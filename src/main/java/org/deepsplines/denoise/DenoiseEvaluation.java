package org.deepsplines.denoise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.deepsplines.data.GaussianNoise;
import org.deepsplines.data.GrayImage;
import org.deepsplines.train.metrics.Psnr;
import org.deepsplines.train.metrics.Ssim;

/**
 * The standard synthetic-noise benchmark: add seeded Gaussian noise of σ (0–255 scale) to each clean
 * image, denoise, and measure PSNR and SSIM against the clean image on the normalised [0, 1] scale
 * (outputs clipped to [0, 1], as when results are stored as 8-bit images).
 */
public final class DenoiseEvaluation {
    /** Scores of one image. */
    public record ImageResult(String name, double psnrNoisy, double psnr, double ssim, double seconds) {
        public String describe() {
            return String.format(Locale.ROOT, "%-28s noisy %6.2f dB  denoised %6.2f dB  SSIM %.4f  (%.2f s)",
                    name, psnrNoisy, psnr, ssim, seconds);
        }
    }

    /** Means over all images. */
    public record Summary(List<ImageResult> images, double sigma, double psnrNoisy, double psnr, double ssim) {
        /** The one-line JSON summary printed by the {@code evaluate} command. */
        public String toJsonLine() {
            return String.format(Locale.ROOT, "{\"images\":%d,\"sigma\":%s,\"psnr_noisy\":%.4f,\"psnr\":%.4f,\"ssim\":%.5f}",
                    images.size(), fmt(sigma), psnrNoisy, psnr, ssim);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private DenoiseEvaluation() {}

    public static Summary run(DenoiserModel model, List<GrayImage> images, double sigma, long seed,
            Consumer<ImageResult> perImage) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No images to evaluate.");
        }
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("σ must be ≥ 0 (0–255 scale), got " + sigma);
        }
        List<ImageResult> results = new ArrayList<>();
        DenoiseOptions options = DenoiseOptions.defaults();
        for (int i = 0; i < images.size(); i++) {
            GrayImage raw = images.get(i);
            PixelChecks.requireFinite(raw);
            if (raw.isVolume()) {
                throw new IllegalArgumentException("evaluate works on 2D images; " + raw.describe() + " is a stack.");
            }
            GrayImage clean = raw.normalized(DenoiserModel.normalizationFor(raw));
            float[] noisy = GaussianNoise.fixed(sigma / 255.0, seed + i)
                    .addNoise(clean.pixels(), 1, new float[1]);
            long t0 = System.nanoTime();
            float[] out = model.denoiseNormalized(noisy, clean.width(), clean.height(), options);
            double secs = (System.nanoTime() - t0) / 1e9;
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.min(1f, Math.max(0f, out[k]));
            }
            ImageResult r = new ImageResult(raw.name(), Psnr.compute(clean.pixels(), noisy, 1.0),
                    Psnr.compute(clean.pixels(), out, 1.0),
                    Ssim.compute(clean.pixels(), out, clean.width(), clean.height(), 1.0), secs);
            results.add(r);
            if (perImage != null) {
                perImage.accept(r);
            }
        }
        double pn = 0;
        double p = 0;
        double s = 0;
        for (ImageResult r : results) {
            pn += r.psnrNoisy();
            p += r.psnr();
            s += r.ssim();
        }
        int n = results.size();
        return new Summary(results, sigma, pn / n, p / n, s / n);
    }
}
