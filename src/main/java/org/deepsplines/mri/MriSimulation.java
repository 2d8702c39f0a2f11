package org.deepsplines.mri;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulates an undersampled single-coil acquisition from an image and reconstructs it the classical
 * ways (zero filling, optionally TV compressed sensing): the one implementation behind the
 * {@code simulate-mri} command line and the Fiji "Simulate MRI Acquisition" command.
 */
public final class MriSimulation {

    /**
     * What to simulate.
     *
     * @param mask mask family
     * @param acceleration target acceleration R &gt; 1
     * @param centerFraction fully sampled central fraction, or null for 0.32/R
     * @param axis phase-encode axis of line masks
     * @param seed seed of the mask; the noise uses seed + 1
     * @param noiseSigma k-space noise σ per real/imaginary part (image intensity units)
     * @param snrDb noise given as SNR in dB instead (null: use {@code noiseSigma})
     * @param tv also reconstruct with TV compressed sensing
     * @param tvLambda TV weight relative to the zero-filled image's maximum, or null for the default
     */
    public record Settings(MaskType mask, double acceleration, Double centerFraction, PhaseEncodeAxis axis, long seed,
            double noiseSigma, Double snrDb, boolean tv, Double tvLambda) {

        public Settings {
            if (mask == null || axis == null) {
                throw new IllegalArgumentException("Mask type and phase-encode axis are required.");
            }
            MaskGenerator.requireAcceleration(acceleration);
            if (snrDb != null && noiseSigma != 0) {
                throw new IllegalArgumentException("Give either a noise sigma or an SNR in dB, not both.");
            }
            if (!(noiseSigma >= 0) || !Double.isFinite(noiseSigma)) {
                throw new IllegalArgumentException("The noise sigma must be a finite number >= 0, got " + noiseSigma);
            }
        }

        /** Cartesian random lines at 4x along x, seed 0, no noise, no TV. */
        public static Settings defaults() {
            return new Settings(MaskType.CARTESIAN, 4, null, PhaseEncodeAxis.X, 0, 0, null, false, null);
        }
    }

    /**
     * The simulated acquisition and its reconstructions.
     *
     * @param image the ground truth
     * @param acquisition mask, measured k-space and noise level
     * @param zeroFilled the zero-filled complex image
     * @param requestedAcceleration what was asked for (the mask reaches it only approximately)
     * @param tv the TV-CS reconstruction, or null when not requested
     */
    public record Result(ComplexImage image, Acquisition acquisition, ComplexImage zeroFilled,
            double requestedAcceleration, TvCompressedSensing.Result tv) {

        public SamplingMask mask() {
            return acquisition.mask();
        }

        /** PSNR of the zero-filled magnitude against the input magnitude. */
        public double zeroFilledPsnr() {
            return ReconstructionMetrics.psnr(image.magnitude(), zeroFilled.magnitude());
        }

        /** PSNR of the TV-CS magnitude against the input magnitude (NaN when TV was not run). */
        public double tvPsnr() {
            return tv == null ? Double.NaN : ReconstructionMetrics.psnr(image.magnitude(), tv.image().magnitude());
        }

        /** Whether the input had no imaginary part. */
        public boolean inputIsMagnitude() {
            for (double v : image.im()) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        /** The report printed by the command line and logged by Fiji, one line per entry. */
        public List<String> report(String inputName) {
            SamplingMask m = mask();
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "input: %s (%dx%d%s)", inputName, image.width(), image.height(),
                    inputIsMagnitude() ? ", magnitude" : ", complex"));
            lines.add(String.format(Locale.ROOT, "mask: %s", m.description()));
            lines.add(String.format(Locale.ROOT,
                    "acceleration: %.4f exact (requested %.4g), %d of %d k-space samples (fraction %.4f)",
                    m.acceleration(), requestedAcceleration, m.sampledCount(), m.totalCount(), m.sampledFraction()));
            lines.add(String.format(Locale.ROOT, "noise: sigma %.6g per real/imaginary component",
                    acquisition.noiseSigma()));
            lines.add(String.format(Locale.ROOT, "zero-filled PSNR vs input magnitude: %.2f dB", zeroFilledPsnr()));
            if (tv != null) {
                lines.add(String.format(Locale.ROOT, "TV-CS PSNR vs input magnitude: %.2f dB (%d iterations)",
                        tvPsnr(), tv.iterations()));
            }
            return lines;
        }
    }

    private MriSimulation() {}

    /** Runs the simulation (and TV-CS when asked) on a magnitude or complex image. */
    public static Result run(ComplexImage image, Settings s) {
        image.requireFinite("input image");
        MaskGenerator generator = s.mask().generator(s.acceleration(), s.centerFraction(), s.axis());
        SamplingMask mask = generator.generate(image.width(), image.height(), s.seed());
        double sigma = s.noiseSigma();
        if (s.snrDb() != null) {
            sigma = KSpaceNoise.sigmaForSnrDb(CenteredFft2.forward(image), mask, s.snrDb());
        }
        Acquisition acq = Acquisition.simulate(image, mask, sigma, s.seed() + 1);
        TvCompressedSensing.Result tv = null;
        if (s.tv()) {
            TvParameters p = TvParameters.defaults();
            if (s.tvLambda() != null) {
                p = p.withRelativeLambda(s.tvLambda());
            }
            tv = new TvCompressedSensing(p).reconstruct(acq.kspace(), mask);
        }
        return new Result(image, acq, acq.zeroFilled(), s.acceleration(), tv);
    }
}
