package org.deepsplines.denoise;

import org.deepsplines.data.GrayImage;

/** Input checks shared by training and inference. */
final class PixelChecks {
    private PixelChecks() {}

    /** Rejects images with NaN or infinite pixels, saying how many and how to fix them. */
    static void requireFinite(GrayImage image) {
        int bad = 0;
        for (float v : image.pixels()) {
            if (!Float.isFinite(v)) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException("Image " + image.name() + " has " + bad
                    + " NaN or infinite pixel(s). Replace them first (e.g. Process > Noise > Remove NaNs in Fiji).");
        }
    }
}
