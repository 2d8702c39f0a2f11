/**
 * The MRI forward model on DJL {@link ai.djl.ndarray.NDArray}s, differentiable, for data-consistency
 * steps inside networks (unrolled reconstructions) and for batched simulation.
 *
 * <p>Layout: complex data are two real channels on axis {@code -3}, shape {@code (..., 2, H, W)} with
 * channel 0 the real and channel 1 the imaginary part, the same row-major (y, x) orientation and centring as
 * {@link org.deepsplines.mri.ComplexImage} and {@link org.deepsplines.mri.CenteredFft2}. {@link
 * org.deepsplines.mri.djl.NDComplex} converts from and to the "last axis = (re, im)" layout
 * {@code (..., H, W, 2)}. Masks are float arrays of 0 and 1 that broadcast against {@code (..., H, W)}.
 */
package org.deepsplines.mri.djl;
