/**
 * Reading and writing MRI data: BART {@code .cfl/.hdr} pairs ({@link org.deepsplines.mri.io.BartCfl}),
 * NIfTI-1 volumes ({@link org.deepsplines.mri.io.NiftiVolume}) and ImageJ TIFF/PNG images, complex images as
 * two-slice real/imaginary TIFFs and masks as 8-bit TIFFs ({@link org.deepsplines.mri.io.MriImageFiles}).
 * Writers replace files atomically ({@link org.deepsplines.data.AtomicFiles}).
 */
package org.deepsplines.mri.io;
