package org.deepsplines.train.metrics;

/**
 * Structural similarity (SSIM) as defined by Wang, Bovik, Sheikh and Simoncelli (IEEE TIP 2004):
 * local statistics under an 11×11 Gaussian window (σ = 1.5, weights normalised to sum 1),
 * {@code C1 = (0.01·L)²}, {@code C2 = (0.03·L)²},
 * <pre>
 *   SSIM(x, y) = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2))
 * </pre>
 * and the reported value is the mean of this map over the "valid" region, i.e. the positions where
 * the window lies fully inside the image (the map is {@code (W − 10) × (H − 10)}).
 *
 * <p>Convention: this matches scikit-image's {@code structural_similarity(..., gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=L)}: the Gaussian is sampled at integer offsets
 * −5..5 and normalised, variances are the weighted population moments
 * {@code E[x²] − E[x]²} (no N/(N−1) correction), and the border of 5 pixels is cropped before
 * averaging. Computation is in double precision.
 */
public final class Ssim {

    /** Window side. */
    public static final int WINDOW = 11;
    /** Gaussian window σ. */
    public static final double SIGMA = 1.5;
    /** Luminance constant factor K1. */
    public static final double K1 = 0.01;
    /** Contrast constant factor K2. */
    public static final double K2 = 0.03;

    private static final double[] KERNEL = gaussianKernel();

    private Ssim() {
    }

    /**
     * Mean SSIM of two 2D images.
     *
     * @param ref reference, {@code width × height} values, x fastest
     * @param test image to compare, same size
     * @param dataRange L, the dynamic range of the data (255 for 8-bit, 1 for [0, 1])
     * @throws IllegalArgumentException when sizes differ or the image is smaller than 11×11
     */
    public static double compute(float[] ref, float[] test, int width, int height, double dataRange) {
        checkSizes(ref, test, width, height, 1);
        return computeSlice(ref, test, 0, width, height, dataRange);
    }

    /**
     * Mean over slices of the 2D SSIM of each slice of two stacks ({@code width × height × depth},
     * x fastest, then y, then slice).
     */
    public static double computeStack(float[] ref, float[] test, int width, int height, int depth,
            double dataRange) {
        checkSizes(ref, test, width, height, depth);
        double sum = 0;
        for (int z = 0; z < depth; z++) {
            sum += computeSlice(ref, test, z * width * height, width, height, dataRange);
        }
        return sum / depth;
    }

    private static double computeSlice(float[] ref, float[] test, int offset, int width, int height,
            double dataRange) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "x" + WINDOW + " pixels, got "
                    + width + "x" + height);
        }
        if (!(dataRange > 0)) {
            throw new IllegalArgumentException("SSIM data range must be positive, got " + dataRange);
        }
        int r = WINDOW / 2;
        int vw = width - 2 * r;
        int vh = height - 2 * r;
        // Horizontal pass: five weighted moments for every row, valid columns only.
        double[][] rows = new double[5][vw * height];
        for (int y = 0; y < height; y++) {
            int base = offset + y * width;
            for (int x = 0; x < vw; x++) {
                double mx = 0;
                double my = 0;
                double mxx = 0;
                double myy = 0;
                double mxy = 0;
                for (int k = 0; k < WINDOW; k++) {
                    double a = ref[base + x + k];
                    double b = test[base + x + k];
                    double g = KERNEL[k];
                    mx += g * a;
                    my += g * b;
                    mxx += g * a * a;
                    myy += g * b * b;
                    mxy += g * a * b;
                }
                int i = y * vw + x;
                rows[0][i] = mx;
                rows[1][i] = my;
                rows[2][i] = mxx;
                rows[3][i] = myy;
                rows[4][i] = mxy;
            }
        }
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        double sum = 0;
        for (int y = 0; y < vh; y++) {
            for (int x = 0; x < vw; x++) {
                double mx = 0;
                double my = 0;
                double mxx = 0;
                double myy = 0;
                double mxy = 0;
                for (int k = 0; k < WINDOW; k++) {
                    int i = (y + k) * vw + x;
                    double g = KERNEL[k];
                    mx += g * rows[0][i];
                    my += g * rows[1][i];
                    mxx += g * rows[2][i];
                    myy += g * rows[3][i];
                    mxy += g * rows[4][i];
                }
                double vx = mxx - mx * mx;
                double vy = myy - my * my;
                double cxy = mxy - mx * my;
                sum += ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
            }
        }
        return sum / ((double) vw * vh);
    }

    private static void checkSizes(float[] ref, float[] test, int width, int height, int depth) {
        if (ref.length != test.length) {
            throw new IllegalArgumentException("SSIM needs images of equal size, got " + ref.length + " and "
                    + test.length + " values");
        }
        if (width < 1 || height < 1 || depth < 1 || (long) width * height * depth != ref.length) {
            throw new IllegalArgumentException(ref.length + " values do not match " + width + "x" + height
                    + (depth > 1 ? "x" + depth : ""));
        }
    }

    private static double[] gaussianKernel() {
        double[] k = new double[WINDOW];
        int r = WINDOW / 2;
        double total = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - r;
            k[i] = Math.exp(-0.5 * d * d / (SIGMA * SIGMA));
            total += k[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            k[i] /= total;
        }
        return k;
    }
}
