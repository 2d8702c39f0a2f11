package org.deepsplines.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Applies a {@link TileFunction} (a network) to a 2D image or 3D volume of any size, one overlapping
 * tile at a time, so that only a tile, not the whole image, has to fit the network's memory.
 *
 * <p><b>How tiles are combined.</b> The image is extended by mirror reflection (without repeating the
 * edge pixel: ... c b | a b c ... ). Every tile reads {@code margin} extra pixels on each side; those are
 * thrown away, so a network whose receptive-field radius is at most {@code margin} gives exactly the
 * result it would give on the whole mirror-extended image, including at the image borders. Neighbouring
 * kept cores overlap by at least {@code blend} pixels, where the two tiles are cross-faded with linear
 * ramps (separable, normalised by the sum of weights), which hides seams from networks whose effective
 * receptive field is wider than the margin. Results equal whole-image processing up to float rounding.
 *
 * <p><b>Tile size.</b> Either given ({@link #tileSize(int)}) or derived from a memory budget:
 * {@code side = floor((budget / bytesPerPixel)^(1/dims))}, where {@code bytesPerPixel} is what the
 * network needs per tile pixel (input, activations, output). Tiles are shrunk to the image (plus
 * margins) when it is smaller, or padded by reflection to the full tile size with
 * {@link #fixedTileShape(boolean)}. Axes of size 1 (one-pixel-thin images) work.
 *
 * <p><b>Progress and cancellation.</b> After each tile the progress callback gets the fraction done;
 * before each tile the cancellation check is asked, and a {@link CancellationException} ends the run.
 */
public final class TiledInference {

    /** Default memory budget when neither tile size nor budget is set: 256 MiB. */
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    private final int margin;
    private int blend;
    private int tileSize;
    private long budgetBytes = DEFAULT_BUDGET_BYTES;
    private double bytesPerPixel = 4;
    private boolean fixedTileShape;
    private int outputChannels;
    private DoubleConsumer progress = f -> { };
    private BooleanSupplier cancelled = () -> false;

    /**
     * @param margin pixels discarded at each tile side; at least the network's receptive-field radius
     *        (e.g. the number of 3×3 convolution layers)
     */
    public TiledInference(int margin) {
        if (margin < 0) {
            throw new IllegalArgumentException("Tile margin must be ≥ 0, got " + margin);
        }
        this.margin = margin;
        this.blend = margin;
    }

    /** Minimum cross-fade width between neighbouring kept cores (default: the margin). */
    public TiledInference blend(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("Blend width must be ≥ 0, got " + pixels);
        }
        this.blend = pixels;
        return this;
    }

    /** Uses tiles of this side (including margins) instead of deriving it from a memory budget. */
    public TiledInference tileSize(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("Tile size must be ≥ 1, got " + side);
        }
        this.tileSize = side;
        return this;
    }

    /**
     * Derives the tile side from a memory budget.
     *
     * @param bytes memory one tile may use
     * @param bytesPerTilePixel the network's memory cost per tile pixel (all channels and layers)
     */
    public TiledInference memoryBudget(long bytes, double bytesPerTilePixel) {
        if (bytes < 1 || !(bytesPerTilePixel > 0)) {
            throw new IllegalArgumentException("Memory budget and cost per pixel must be positive, got " + bytes
                    + " bytes and " + bytesPerTilePixel + " bytes/pixel");
        }
        this.budgetBytes = bytes;
        this.bytesPerPixel = bytesPerTilePixel;
        this.tileSize = 0;
        return this;
    }

    /** Pads small images by reflection to the full tile size instead of shrinking the tile (default false). */
    public TiledInference fixedTileShape(boolean value) {
        this.fixedTileShape = value;
        return this;
    }

    /** Number of channels the tile function returns (default 0: as many as the input). */
    public TiledInference outputChannels(int channels) {
        if (channels < 0) {
            throw new IllegalArgumentException("Output channels must be ≥ 0, got " + channels);
        }
        this.outputChannels = channels;
        return this;
    }

    /** Receives the fraction of tiles done (0..1) after each tile. */
    public TiledInference progress(DoubleConsumer callback) {
        this.progress = callback;
        return this;
    }

    /** Asked before each tile; when it answers true the run ends with a {@link CancellationException}. */
    public TiledInference cancelledWhen(BooleanSupplier isCancelled) {
        this.cancelled = isCancelled;
        return this;
    }

    /** The margin discarded at each tile side. */
    public int margin() {
        return margin;
    }

    /** The tile side before shrinking to the image: the given size or the one the budget allows. */
    public int maxTileSide(int spatialDims) {
        if (tileSize > 0) {
            return tileSize;
        }
        double pixels = budgetBytes / bytesPerPixel;
        int side = (int) Math.floor(Math.pow(pixels, 1.0 / spatialDims) + 1e-9);
        return Math.min(side, 1 << 15);
    }

    /**
     * How an image of this size would be tiled.
     *
     * @param sizes spatial sizes, slowest first: {@code (h, w)} or {@code (d, h, w)}
     * @throws IllegalArgumentException when the tile cannot hold both margins, the blend and one pixel
     */
    public TilePlan plan(int... sizes) {
        if (sizes.length != 2 && sizes.length != 3) {
            throw new IllegalArgumentException("Tiling works on 2D (h, w) or 3D (d, h, w) images, got "
                    + sizes.length + " axes");
        }
        int side = maxTileSide(sizes.length);
        int needed = 2 * margin + blend + 1;
        if (side < needed) {
            throw new IllegalArgumentException("Tiles of " + side + " pixels cannot hold the margin " + margin
                    + " on both sides plus a blend of " + blend + "; they need at least " + needed
                    + " pixels: raise the memory budget" + (tileSize > 0 ? " or the tile size" : ""));
        }
        List<TilePlan.Axis> axes = new ArrayList<>();
        for (int n : sizes) {
            if (n < 1) {
                throw new IllegalArgumentException("Image sizes must be ≥ 1, got " + java.util.Arrays.toString(sizes));
            }
            axes.add(planAxis(n, side));
        }
        return new TilePlan(axes);
    }

    private TilePlan.Axis planAxis(int n, int side) {
        int tile = fixedTileShape ? side : Math.min(side, n + 2 * margin);
        int core = tile - 2 * margin;
        if (core >= n) {
            return new TilePlan.Axis(n, tile, margin, new int[] {0});
        }
        // Fewest tiles whose cores cover n with overlaps ≥ blend, spread evenly (last core ends at n).
        int k = (int) ((n - core + (core - blend) - 1L) / (core - blend)) + 1;
        int[] starts = new int[k];
        for (int i = 0; i < k; i++) {
            starts[i] = (int) ((long) i * (n - core) / (k - 1));
        }
        return new TilePlan.Axis(n, tile, margin, starts);
    }

    /**
     * Processes a 2D image.
     *
     * @param image {@code (C, H, W)} values, W fastest
     * @return {@code (Cout, H, W)} values
     */
    public float[] apply2D(float[] image, int channels, int height, int width, TileFunction function) {
        return run(image, channels, new int[] {height, width}, function);
    }

    /**
     * Processes a 3D volume with {@code (d, h, w)} tiles.
     *
     * @param image {@code (C, D, H, W)} values, W fastest
     * @return {@code (Cout, D, H, W)} values
     */
    public float[] apply3D(float[] image, int channels, int depth, int height, int width, TileFunction function) {
        return run(image, channels, new int[] {depth, height, width}, function);
    }

    /**
     * Processes an ImgLib2 image in the given layout and returns the result in the same layout
     * (with {@link #outputChannels(int)} channels when set).
     */
    public Img<FloatType> apply(RandomAccessibleInterval<? extends RealType<?>> image, ImageLayout layout,
            TileFunction function) {
        long[] shape = ImgTensors.tensorShape(image, layout);
        int c = (int) shape[1];
        int[] spatial = new int[shape.length - 2];
        for (int i = 0; i < spatial.length; i++) {
            spatial[i] = (int) shape[i + 2];
        }
        float[] out = run(ImgTensors.toFloatArray(image, layout), c, spatial, function);
        long[] chw = new long[shape.length - 1];
        chw[0] = outputChannels > 0 ? outputChannels : c;
        for (int i = 0; i < spatial.length; i++) {
            chw[i + 1] = spatial[i];
        }
        return ImgTensors.toImg(out, chw, layout);
    }

    private float[] run(float[] image, int channels, int[] sizes, TileFunction function) {
        long voxels = 1;
        for (int s : sizes) {
            voxels *= s;
        }
        if (channels < 1 || voxels * channels != image.length) {
            throw new IllegalArgumentException("Image data has " + image.length + " values, but " + channels
                    + " channels of " + java.util.Arrays.toString(sizes) + " need " + voxels * channels);
        }
        int cout = outputChannels > 0 ? outputChannels : channels;
        if (voxels * cout > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Result would not fit one Java array; split the image first");
        }
        TilePlan plan = plan(sizes);
        // Work in 3D; a 2D image is a volume of depth 1 whose Z axis has one tile and no margin.
        TilePlan.Axis az = sizes.length == 3 ? plan.axes().get(0) : new TilePlan.Axis(1, 1, 0, new int[] {0});
        TilePlan.Axis ay = plan.axes().get(sizes.length - 2);
        TilePlan.Axis ax = plan.axes().get(sizes.length - 1);
        float[][] wz = normalizedWeights(az);
        float[][] wy = normalizedWeights(ay);
        float[][] wx = normalizedWeights(ax);
        int d = az.size();
        int h = ay.size();
        int w = ax.size();
        int td = az.tile();
        int th = ay.tile();
        int tw = ax.tile();
        long[] shape = sizes.length == 3 ? new long[] {1, channels, td, th, tw} : new long[] {1, channels, th, tw};
        int tileVoxels = td * th * tw;
        float[] out = new float[(int) (voxels * cout)];
        float[] tile = new float[tileVoxels * channels];
        long total = plan.tileCount();
        long done = 0;
        for (int iz = 0; iz < az.count(); iz++) {
            int[] mz = sourceIndex(az, iz);
            for (int iy = 0; iy < ay.count(); iy++) {
                int[] my = sourceIndex(ay, iy);
                for (int ix = 0; ix < ax.count(); ix++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("Tiled inference cancelled after " + done + " of " + total
                                + " tiles");
                    }
                    int[] mx = sourceIndex(ax, ix);
                    gather(image, channels, d, h, w, mz, my, mx, tile);
                    float[] result = function.apply(tile, shape.clone());
                    if (result == null || result.length != tileVoxels * cout) {
                        throw new IllegalStateException("The tile function returned " + (result == null ? "nothing"
                                : result.length + " values") + " for a tile of " + tileVoxels + " pixels and " + cout
                                + " output channels");
                    }
                    accumulate(result, cout, az, iz, wz[iz], ay, iy, wy[iy], ax, ix, wx[ix], d, h, w, out);
                    if (result == tile) {
                        tile = new float[tile.length]; // the function handed our buffer back; do not overwrite it later
                    }
                    done++;
                    progress.accept((double) done / total);
                }
            }
        }
        return out;
    }

    private static void gather(float[] image, int channels, int d, int h, int w, int[] mz, int[] my, int[] mx,
            float[] tile) {
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (int z : mz) {
                for (int y : my) {
                    int row = ((c * d + z) * h + y) * w;
                    for (int x : mx) {
                        tile[k++] = image[row + x];
                    }
                }
            }
        }
    }

    private static void accumulate(float[] result, int cout, TilePlan.Axis az, int iz, float[] wz, TilePlan.Axis ay,
            int iy, float[] wy, TilePlan.Axis ax, int ix, float[] wx, int d, int h, int w, float[] out) {
        int z0 = az.coreStarts()[iz];
        int y0 = ay.coreStarts()[iy];
        int x0 = ax.coreStarts()[ix];
        int nz = Math.min(az.core(), d - z0);
        int ny = Math.min(ay.core(), h - y0);
        int nx = Math.min(ax.core(), w - x0);
        int th = ay.tile();
        int tw = ax.tile();
        int td = az.tile();
        for (int c = 0; c < cout; c++) {
            for (int jz = 0; jz < nz; jz++) {
                for (int jy = 0; jy < ny; jy++) {
                    float wzy = wz[jz] * wy[jy];
                    int src = ((c * td + az.margin() + jz) * th + ay.margin() + jy) * tw + ax.margin();
                    int dst = ((c * d + z0 + jz) * h + y0 + jy) * w + x0;
                    for (int jx = 0; jx < nx; jx++) {
                        out[dst + jx] += wzy * wx[jx] * result[src + jx];
                    }
                }
            }
        }
    }

    /** Image coordinate read by each tile position, with mirror reflection outside the image. */
    private static int[] sourceIndex(TilePlan.Axis a, int i) {
        int[] m = new int[a.tile()];
        int first = a.coreStarts()[i] - a.margin();
        for (int u = 0; u < m.length; u++) {
            m[u] = mirror(first + u, a.size());
        }
        return m;
    }

    /** Reflects {@code x} into {@code [0, n)} without repeating the edge pixel; any distance works. */
    static int mirror(int x, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int r = Math.floorMod(x, period);
        return r < n ? r : period - r;
    }

    /**
     * Per tile, the weight of each core position divided by the sum of all tiles' weights at that image
     * position, so that weights along the axis sum to 1 and products over axes do too.
     */
    private static float[][] normalizedWeights(TilePlan.Axis a) {
        int k = a.count();
        int core = a.core();
        int[] s = a.coreStarts();
        double[][] raw = new double[k][core];
        double[] sum = new double[a.size()];
        for (int i = 0; i < k; i++) {
            int left = i > 0 ? s[i - 1] + core - s[i] : 0;
            int right = i < k - 1 ? s[i] + core - s[i + 1] : 0;
            for (int j = 0; j < core; j++) {
                double v = 1;
                if (j < left) {
                    v *= (j + 0.5) / left;
                }
                if (core - j <= right) {
                    v *= (core - j - 0.5) / right;
                }
                raw[i][j] = v;
                if (s[i] + j < a.size()) {
                    sum[s[i] + j] += v;
                }
            }
        }
        float[][] out = new float[k][core];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < core && s[i] + j < a.size(); j++) {
                out[i][j] = (float) (raw[i][j] / sum[s[i] + j]);
            }
        }
        return out;
    }
}
