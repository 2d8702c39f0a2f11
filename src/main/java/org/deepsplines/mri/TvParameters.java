package org.deepsplines.mri;

/**
 * Settings of {@link TvCompressedSensing}.
 *
 * @param relativeLambda regularisation weight relative to the data scale: the solver uses
 *     {@code lambda = relativeLambda * max |x_zf|}, {@code x_zf} the zero-filled image, so the same value
 *     works whatever the intensity units. Larger values give smoother images.
 * @param rho ADMM penalty on the constraint {@code z = D x}; it changes the speed of convergence, not the
 *     solution. It is scale free because the data term is quadratic.
 * @param maxIterations upper bound on ADMM iterations (each costs two FFTs)
 * @param tolerance stop when the relative change {@code ||x_k - x_(k-1)|| / ||x_k||} falls below it (0: never)
 * @param norm isotropic or anisotropic total variation
 */
public record TvParameters(double relativeLambda, double rho, int maxIterations, double tolerance, TvNorm norm) {

    /** Validates the settings. */
    public TvParameters {
        if (!(relativeLambda >= 0) || Double.isInfinite(relativeLambda)) {
            throw new IllegalArgumentException("relative lambda must be a finite number >= 0, got " + relativeLambda);
        }
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("ADMM rho must be a finite number > 0, got " + rho);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("need at least one iteration, got " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        if (norm == null) {
            throw new IllegalArgumentException("choose a TV norm (isotropic or anisotropic)");
        }
    }

    /**
     * Defaults tuned on the 8-bit brain sample slices at 4x and 8x: relative lambda 0.005 (0.01 to 0.02 is
     * better when the k-space noise is strong), rho 0.1, at most 200 iterations, tolerance 1e-4 (typically
     * reached after 30 to 60 iterations), isotropic TV.
     */
    public static TvParameters defaults() {
        return new TvParameters(0.005, 0.1, 200, 1e-4, TvNorm.ISOTROPIC);
    }

    /** Copy with another relative lambda. */
    public TvParameters withRelativeLambda(double value) {
        return new TvParameters(value, rho, maxIterations, tolerance, norm);
    }

    /** Copy with another ADMM rho. */
    public TvParameters withRho(double value) {
        return new TvParameters(relativeLambda, value, maxIterations, tolerance, norm);
    }

    /** Copy with another iteration limit. */
    public TvParameters withMaxIterations(int value) {
        return new TvParameters(relativeLambda, rho, value, tolerance, norm);
    }

    /** Copy with another stopping tolerance. */
    public TvParameters withTolerance(double value) {
        return new TvParameters(relativeLambda, rho, maxIterations, value, norm);
    }

    /** Copy with another TV norm. */
    public TvParameters withNorm(TvNorm value) {
        return new TvParameters(relativeLambda, rho, maxIterations, tolerance, value);
    }
}
