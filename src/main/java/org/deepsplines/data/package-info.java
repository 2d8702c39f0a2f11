/**
 * Image data for training and inference: ImgLib2 and ImageJ conversions ({@link org.deepsplines.data.ImgTensors},
 * {@link org.deepsplines.data.ImagePlusConverter}), reading training folders
 * ({@link org.deepsplines.data.ImageFolderReader}), value normalisation ({@link org.deepsplines.data.Normalization}),
 * random patches and noise ({@link org.deepsplines.data.PatchSampler}, {@link org.deepsplines.data.GaussianNoise}),
 * validation splits ({@link org.deepsplines.data.DatasetSplit}) and tiled application of a network to large images
 * ({@link org.deepsplines.data.TiledInference}).
 *
 * <p>Single-channel images are held as {@link org.deepsplines.data.GrayImage}: a flat float array, X fastest,
 * which is also the row-major order of an {@code (H, W)} or {@code (D, H, W)} tensor.
 */
package org.deepsplines.data;
