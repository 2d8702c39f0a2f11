/** Image quality metrics used to monitor training and to report results: PSNR and SSIM. */
package org.deepsplines.train.metrics;
