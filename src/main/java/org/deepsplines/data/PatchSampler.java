package org.deepsplines.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random square (2D) or cubic (3D) training patches from a set of grey images.
 *
 * <p>Every possible patch position of every image is equally likely (an image is chosen with
 * probability proportional to its number of patch positions). With augmentation on (the default) a 2D
 * patch gets one of the 8 symmetries of the square (rotations by 0/90/180/270° with or without a
 * transpose), a 3D patch an independent flip along each axis. Draws come from a seeded
 * {@link SplittableRandom}, so the same seed gives the same batches.
 *
 * <p>For validation use {@link #fixedCrops(List, int, int, long)} (random but reproducible, no
 * augmentation) or {@link #centerCrops(List, int)}, or hold out whole images with
 * {@link DatasetSplit}.
 */
public final class PatchSampler {

    private final List<GrayImage> images;
    private final int patchSize;
    private final int dims;
    private final long[] cumulativePositions;
    private final SplittableRandom random;
    private boolean augment = true;

    /**
     * @param images 2D images or 3D volumes (not mixed), each at least {@code patchSize} along every axis
     * @param patchSize side P of the patches
     * @param seed random seed
     * @throws IllegalArgumentException when an image is smaller than the patch, the list is empty, or 2D
     *         and 3D images are mixed
     */
    public PatchSampler(List<GrayImage> images, int patchSize, long seed) {
        this.images = List.copyOf(images);
        this.patchSize = patchSize;
        this.dims = checkImages(this.images, patchSize);
        this.cumulativePositions = new long[this.images.size()];
        long total = 0;
        for (int i = 0; i < this.images.size(); i++) {
            total += positions(this.images.get(i));
            cumulativePositions[i] = total;
        }
        this.random = new SplittableRandom(seed);
    }

    /** Turns the random symmetries on (default) or off. */
    public PatchSampler augment(boolean value) {
        this.augment = value;
        return this;
    }

    /** Side P of the patches. */
    public int patchSize() {
        return patchSize;
    }

    /** 2 for images, 3 for volumes. */
    public int spatialDims() {
        return dims;
    }

    /** Draws {@code n} patches, {@code (n, 1, P, P)} or {@code (n, 1, P, P, P)}. */
    public PatchBatch sample(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1, got " + n);
        }
        int per = patchLength(patchSize, dims);
        float[] out = new float[n * per];
        for (int s = 0; s < n; s++) {
            GrayImage img = images.get(pickImage());
            int x = random.nextInt(img.width() - patchSize + 1);
            int y = random.nextInt(img.height() - patchSize + 1);
            if (dims == 2) {
                int transform = augment ? random.nextInt(8) : 0;
                copy2D(img, x, y, patchSize, transform, out, s * per);
            } else {
                int z = random.nextInt(img.depth() - patchSize + 1);
                int flips = augment ? random.nextInt(8) : 0;
                copy3D(img, x, y, z, patchSize, flips, out, s * per);
            }
        }
        return new PatchBatch(out, n, patchSize, dims);
    }

    /** {@link #sample(int)} as a float32 tensor on {@code manager} (the caller closes it). */
    public NDArray sample(int n, NDManager manager) {
        return sample(n).toNDArray(manager);
    }

    /**
     * Reproducible random crops without augmentation, for validation: crop {@code i} comes from image
     * {@code i % images.size()} at a position drawn from {@code seed}.
     */
    public static PatchBatch fixedCrops(List<GrayImage> images, int patchSize, int count, long seed) {
        int dims = checkImages(images, patchSize);
        if (count < 1) {
            throw new IllegalArgumentException("Number of validation crops must be at least 1, got " + count);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int per = patchLength(patchSize, dims);
        float[] out = new float[count * per];
        for (int s = 0; s < count; s++) {
            GrayImage img = images.get(s % images.size());
            int x = r.nextInt(img.width() - patchSize + 1);
            int y = r.nextInt(img.height() - patchSize + 1);
            if (dims == 2) {
                copy2D(img, x, y, patchSize, 0, out, s * per);
            } else {
                copy3D(img, x, y, r.nextInt(img.depth() - patchSize + 1), patchSize, 0, out, s * per);
            }
        }
        return new PatchBatch(out, count, patchSize, dims);
    }

    /** The centred {@code P}-sized crop of each image, in list order. */
    public static PatchBatch centerCrops(List<GrayImage> images, int patchSize) {
        int dims = checkImages(images, patchSize);
        int per = patchLength(patchSize, dims);
        float[] out = new float[images.size() * per];
        for (int s = 0; s < images.size(); s++) {
            GrayImage img = images.get(s);
            int x = (img.width() - patchSize) / 2;
            int y = (img.height() - patchSize) / 2;
            if (dims == 2) {
                copy2D(img, x, y, patchSize, 0, out, s * per);
            } else {
                copy3D(img, x, y, (img.depth() - patchSize) / 2, patchSize, 0, out, s * per);
            }
        }
        return new PatchBatch(out, images.size(), patchSize, dims);
    }

    /**
     * Copies the patch at (x, y) with one of the 8 square symmetries: {@code transform & 3} quarter
     * turns applied after a transpose when {@code transform >= 4}. Transform 0 is the plain crop.
     */
    static void copy2D(GrayImage img, int x0, int y0, int size, int transform, float[] out, int offset) {
        int p = img.width();
        float[] src = img.pixels();
        int turns = transform & 3;
        boolean transpose = transform >= 4;
        int k = offset;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int a = transpose ? j : i;
                int b = transpose ? i : j;
                for (int t = 0; t < turns; t++) { // one quarter turn: (a, b) -> (b, P-1-a)
                    int na = b;
                    b = size - 1 - a;
                    a = na;
                }
                out[k++] = src[(y0 + a) * p + x0 + b];
            }
        }
    }

    /** Copies the cube at (x, y, z), flipped along x, y, z when bits 0, 1, 2 of {@code flips} are set. */
    static void copy3D(GrayImage img, int x0, int y0, int z0, int size, int flips, float[] out, int offset) {
        float[] src = img.pixels();
        int w = img.width();
        int h = img.height();
        int k = offset;
        for (int z = 0; z < size; z++) {
            int sz = z0 + ((flips & 4) != 0 ? size - 1 - z : z);
            for (int y = 0; y < size; y++) {
                int sy = y0 + ((flips & 2) != 0 ? size - 1 - y : y);
                int row = (sz * h + sy) * w + x0;
                for (int x = 0; x < size; x++) {
                    out[k++] = src[row + ((flips & 1) != 0 ? size - 1 - x : x)];
                }
            }
        }
    }

    private int pickImage() {
        long total = cumulativePositions[cumulativePositions.length - 1];
        long r = random.nextLong(total);
        int lo = 0;
        int hi = cumulativePositions.length - 1;
        while (lo < hi) { // first index whose cumulative count exceeds r
            int mid = (lo + hi) >>> 1;
            if (cumulativePositions[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private long positions(GrayImage img) {
        long n = (long) (img.width() - patchSize + 1) * (img.height() - patchSize + 1);
        return dims == 3 ? n * (img.depth() - patchSize + 1) : n;
    }

    private static int checkImages(List<GrayImage> images, int patchSize) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No images to draw patches from");
        }
        if (patchSize < 1) {
            throw new IllegalArgumentException("Patch size must be at least 1, got " + patchSize);
        }
        boolean volume = images.get(0).isVolume();
        for (GrayImage img : images) {
            if (img.isVolume() != volume) {
                throw new IllegalArgumentException("Cannot mix 2D images and 3D volumes: " + images.get(0).describe()
                        + " and " + img.describe());
            }
            boolean small = img.width() < patchSize || img.height() < patchSize || (volume && img.depth() < patchSize);
            if (small) {
                String p = patchSize + "x" + patchSize + (volume ? "x" + patchSize : "");
                throw new IllegalArgumentException("Image " + img.describe() + " is smaller than the patch size " + p
                        + "; use a smaller patch size or leave this image out");
            }
        }
        long per = patchLength(patchSize, volume ? 3 : 2);
        if (per > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("Patch size " + patchSize + " is too large");
        }
        return volume ? 3 : 2;
    }

    private static int patchLength(int p, int dims) {
        return dims == 3 ? p * p * p : p * p;
    }
}
