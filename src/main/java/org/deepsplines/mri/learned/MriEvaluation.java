package org.deepsplines.mri.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.deepsplines.mri.Acquisition;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskGenerator;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.TvCompressedSensing;
import org.deepsplines.mri.TvParameters;
import org.deepsplines.train.metrics.Psnr;
import org.deepsplines.train.metrics.Ssim;

/**
 * The simulated-acquisition benchmark: for image {@code i} of a list, draw the mask with seed
 * {@code seed + i}, simulate noiseless single-coil k-space, and reconstruct by zero filling, TV compressed
 * sensing and the learned model. Scores compare magnitudes, both divided by the ground truth's maximum
 * magnitude (so the data range is 1, whatever the image's units): PSNR {@code 10 log10(1 / MSE)} and SSIM
 * (Gaussian window 11, σ 1.5) with {@link Psnr} and {@link Ssim}. Reconstructions are not clipped.
 */
public final class MriEvaluation {

    /** Scores of one image; {@code psnrTv} is NaN when TV-CS was skipped. */
    public record ImageResult(String name, double acceleration, double psnrZeroFilled, double psnrTv, double psnr,
            double ssim, double seconds) {
        /** One human-readable line. */
        public String describe() {
            return String.format(Locale.ROOT, "%-34s R %.2f  zero-filled %6.2f dB  TV-CS %6.2f dB  model %6.2f dB"
                    + "  SSIM %.4f  (%.2f s)", name, acceleration, psnrZeroFilled, psnrTv, psnr, ssim, seconds);
        }
    }

    /** Means over all images. */
    public record Summary(List<ImageResult> images, double psnrZeroFilled, double psnrTv, double psnr, double ssim) {
        /** {@code {"images":N,"psnr_zero_filled":..,"psnr_tv":..,"psnr":..,"ssim":..}} (TV null when skipped). */
        public String toJsonLine() {
            return String.format(Locale.ROOT, "{\"images\":%d,\"psnr_zero_filled\":%.4f,\"psnr_tv\":%s,\"psnr\":%.4f,"
                    + "\"ssim\":%.5f}", images.size(), psnrZeroFilled,
                    Double.isNaN(psnrTv) ? "null" : String.format(Locale.ROOT, "%.4f", psnrTv), psnr, ssim);
        }
    }

    private MriEvaluation() {
    }

    /**
     * Runs the benchmark.
     *
     * @param tv TV-CS parameters, or null to skip TV-CS
     * @param perImage receives each image's scores as they are computed (may be null)
     */
    public static Summary run(MriReconstructionModel model, List<MriSlice> images, MaskGenerator generator, long seed,
            TvParameters tv, Consumer<ImageResult> perImage) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to evaluate");
        }
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            MriSlice s = images.get(i);
            ComplexImage truth = s.image();
            SamplingMask mask = generator.generate(truth.width(), truth.height(), seed + i);
            Acquisition acq = Acquisition.simulate(truth, mask, 0, 0);
            double peak = truth.maxAbs();
            float[] ref = scaledMagnitude(truth, peak);
            double pZf = Psnr.compute(ref, scaledMagnitude(acq.zeroFilled(), peak), 1.0);
            double pTv = Double.NaN;
            if (tv != null) {
                ComplexImage x = new TvCompressedSensing(tv).reconstruct(acq.kspace(), mask).image();
                pTv = Psnr.compute(ref, scaledMagnitude(x, peak), 1.0);
            }
            long t0 = System.nanoTime();
            ComplexImage rec = model.reconstruct(acq.kspace(), mask);
            double secs = (System.nanoTime() - t0) / 1e9;
            float[] out = scaledMagnitude(rec, peak);
            ImageResult r = new ImageResult(s.name(), mask.acceleration(), pZf, pTv, Psnr.compute(ref, out, 1.0),
                    Ssim.compute(ref, out, truth.width(), truth.height(), 1.0), secs);
            results.add(r);
            if (perImage != null) {
                perImage.accept(r);
            }
        }
        double zf = 0;
        double tvSum = 0;
        double p = 0;
        double ss = 0;
        for (ImageResult r : results) {
            zf += r.psnrZeroFilled();
            tvSum += r.psnrTv();
            p += r.psnr();
            ss += r.ssim();
        }
        int n = results.size();
        return new Summary(results, zf / n, tvSum / n, p / n, ss / n);
    }

    /** {@code |z| / peak} as floats. */
    static float[] scaledMagnitude(ComplexImage z, double peak) {
        double[] m = z.magnitude();
        float[] out = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = (float) (m[i] / peak);
        }
        return out;
    }
}
