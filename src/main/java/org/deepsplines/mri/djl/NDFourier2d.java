package org.deepsplines.mri.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The centred orthonormal 2D DFT of {@link org.deepsplines.mri.CenteredFft2} on NDArrays of shape
 * {@code (..., 2, H, W)}, differentiable. Two implementations give the same result:
 * <ul>
 *   <li>{@link #fft()}: PyTorch's FFT. DJL's {@code complex()} has no autograd in PyTorch 2.7.1
 *       ("view_as_complex_copy does not support automatic differentiation"), so the real and imaginary
 *       channels are transformed separately as real inputs and recombined; cost {@code O(HW log HW)}.</li>
 *   <li>{@link #dftMatrices(NDManager, int, int)}: two complex matrix products {@code F_H X F_W^T} with
 *       precomputed centred DFT matrices; plain matmuls, {@code O(HW(H+W))}, handy on accelerators and
 *       as an independent check.</li>
 * </ul>
 */
public interface NDFourier2d {

    /** {@code F x} for {@code x} of shape {@code (..., 2, H, W)}. */
    NDArray forward(NDArray image);

    /** {@code F^-1 k = F^H k} for {@code k} of shape {@code (..., 2, H, W)}. */
    NDArray inverse(NDArray kspace);

    /** The FFT-based implementation (stateless, any size and device). */
    static NDFourier2d fft() {
        return TorchFft2.INSTANCE;
    }

    /**
     * The DFT-matrix implementation for {@code height x width} data; its matrices live on {@code manager}
     * (close that manager, or the returned object, to free them).
     */
    static DftMatrixFourier2d dftMatrices(NDManager manager, int height, int width) {
        return new DftMatrixFourier2d(manager, height, width);
    }
}
