package org.deepsplines.mri.djl;

import ai.djl.ndarray.NDArray;

/**
 * The measurement operator {@code A = M F} on NDArrays of shape {@code (..., 2, H, W)}, with the
 * data-consistency steps that unrolled reconstruction networks alternate with their CNN blocks.
 * All operations are differentiable (with respect to the image and to {@code lambda}/{@code step}).
 *
 * <p>The mask is a float array of 0 and 1 broadcastable to {@code (..., H, W)}: {@code (H, W)} for one
 * mask, {@code (B, 1, H, W)} for one mask per batch item. Measured k-space {@code y} is zero off the mask.
 *
 * <p>When differentiating, keep the mask and the measurements open until after {@code backward}: the
 * backward pass reads them (arrays created from Java data are freed when closed). Fixed scalars
 * ({@code step}, {@code lambda}, the FFT normalisation) are engine-owned copies for the same reason.
 */
public final class NDUndersampledFourier {
    private final NDFourier2d fourier;
    private final NDArray mask;

    /**
     * @param fourier the transform, for example {@link NDFourier2d#fft()}
     * @param mask 0/1 float mask, broadcastable to {@code (..., H, W)}
     */
    public NDUndersampledFourier(NDFourier2d fourier, NDArray mask) {
        if (mask.getShape().dimension() < 2) {
            throw new IllegalArgumentException("the mask must have shape (H, W) or (..., 1, H, W), got "
                    + mask.getShape());
        }
        this.fourier = fourier;
        this.mask = mask;
    }

    /** The Fourier transform F. */
    public NDFourier2d fourier() {
        return fourier;
    }

    /** The 0/1 mask M. */
    public NDArray mask() {
        return mask;
    }

    /** {@code M F x}. */
    public NDArray forward(NDArray image) {
        return fourier.forward(image).mul(mask);
    }

    /** {@code F^H M y}: the zero-filled image. */
    public NDArray adjoint(NDArray kspace) {
        return fourier.inverse(kspace.mul(mask));
    }

    /**
     * Hard data consistency: replaces the sampled k-space of {@code x} by the measurements,
     * {@code F^H ((1 - M) F x + M y)}.
     */
    public NDArray replaceSampled(NDArray image, NDArray kspace) {
        NDArray k = fourier.forward(image);
        return fourier.inverse(k.sub(k.mul(mask)).add(kspace.mul(mask)));
    }

    /**
     * Soft (noise-aware) data consistency: the minimiser of {@code ||F z - F x||^2 + lambda ||M F z - y||^2},
     * i.e. {@code F^H ((F x + lambda M y) / (1 + lambda M))}. Large {@code lambda} tends to
     * {@link #replaceSampled}; {@code lambda = 0} returns {@code x}. {@code lambda} may be a trainable
     * scalar array.
     */
    public NDArray weightedConsistency(NDArray image, NDArray kspace, NDArray lambda) {
        return weighted(image, kspace, mask.mul(lambda));
    }

    /** Same as {@link #weightedConsistency(NDArray, NDArray, NDArray)} with a fixed {@code lambda >= 0}. */
    public NDArray weightedConsistency(NDArray image, NDArray kspace, double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        return weighted(image, kspace, GraphScalars.scale(mask, lambda));
    }

    /**
     * One gradient step on {@code 1/2 ||M F x - y||^2}: {@code x - step * F^H M (M F x - y)}. With the
     * orthonormal F the Lipschitz constant is 1, so {@code 0 < step <= 1} (step 1 equals {@link #replaceSampled}).
     * {@code step} may be a trainable scalar array.
     */
    public NDArray gradientStep(NDArray image, NDArray kspace, NDArray step) {
        return image.sub(dataGradient(image, kspace).mul(step));
    }

    /** Same as {@link #gradientStep(NDArray, NDArray, NDArray)} with a fixed step. */
    public NDArray gradientStep(NDArray image, NDArray kspace, double step) {
        return image.sub(GraphScalars.scale(dataGradient(image, kspace), step));
    }

    /** {@code A^H (A x - y)}, the gradient of {@code 1/2 ||M F x - y||^2}. */
    public NDArray dataGradient(NDArray image, NDArray kspace) {
        NDArray residual = forward(image).sub(kspace.mul(mask));
        return fourier.inverse(residual.mul(mask));
    }

    private NDArray weighted(NDArray image, NDArray kspace, NDArray lambdaMask) {
        NDArray k = fourier.forward(image);
        return fourier.inverse(k.add(kspace.mul(lambdaMask)).div(lambdaMask.add(1)));
    }
}
