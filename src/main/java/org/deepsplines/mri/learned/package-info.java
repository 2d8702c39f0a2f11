/**
 * Learned single-coil MRI reconstruction with spline (or fixed) activations: a residual CNN applied to the
 * zero-filled image ({@link org.deepsplines.mri.learned.PostProcessingNetwork}) or unrolled iterations of a
 * residual CNN and data consistency ({@link org.deepsplines.mri.learned.UnrolledNetwork}); training on
 * simulated acquisitions of fully sampled slices ({@link org.deepsplines.mri.learned.MriReconstructionTrainer}),
 * model files ({@link org.deepsplines.mri.learned.MriReconstructionModel}) and the benchmark
 * ({@link org.deepsplines.mri.learned.MriEvaluation}). Conventions are in {@code docs/mri.md}.
 */
package org.deepsplines.mri.learned;
