/**
 * MRI reconstruction building blocks: the single-coil forward model {@code y = M (F x + n)} with the
 * centred orthonormal FFT ({@link org.deepsplines.mri.CenteredFft2}), seeded sampling masks
 * ({@link org.deepsplines.mri.MaskGenerator} and its implementations), k-space noise, zero filling, and the
 * classical TV compressed-sensing comparator ({@link org.deepsplines.mri.TvCompressedSensing}).
 *
 * <p>Everything here is pure Java on {@link org.deepsplines.mri.ComplexImage}; the same operators on DJL
 * NDArrays, for use inside networks, are in {@code org.deepsplines.mri.djl}, and file formats (BART, NIfTI,
 * ImageJ TIFF) in {@code org.deepsplines.mri.io}. The conventions are described in {@code docs/mri.md}.
 */
package org.deepsplines.mri;
