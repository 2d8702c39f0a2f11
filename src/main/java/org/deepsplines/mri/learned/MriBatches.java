package org.deepsplines.mri.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskGenerator;
import org.deepsplines.mri.PhaseEncodeAxis;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.train.Batch;
import org.deepsplines.train.BatchSource;

/**
 * Training batches of whole slices: k-space operators need the full field of view along undersampled
 * directions, so examples are whole slices, or, for Cartesian line masks, bands across the fully sampled
 * readout direction (see {@link MriTrainingSettings#readoutCrop()}). A batch holds examples of one size: the
 * step's first slice is drawn uniformly, the others from the slices of its size. Every example gets its own augmentation and (by default) its own mask, all drawn
 * from seeds derived from (seed, step), so a resumed run sees exactly the same batches.
 */
public final class MriBatches implements BatchSource {
    private final List<MriSlice> slices;
    private final Map<String, List<MriSlice>> bySize = new LinkedHashMap<>();
    private final MriTrainingSettings settings;
    private final MaskGenerator generator;
    private final ExampleAugmentation augmentation;
    private final int batchSize;
    private final long seed;

    /**
     * @param slices training ground truths (any sizes)
     * @param batchSize examples per step
     * @param seed base seed of the example stream
     */
    public MriBatches(List<MriSlice> slices, MriTrainingSettings settings, int batchSize, long seed) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no training slices");
        }
        this.slices = List.copyOf(slices);
        for (MriSlice s : slices) {
            bySize.computeIfAbsent(exampleSize(s, settings), k -> new ArrayList<>()).add(s);
        }
        this.settings = settings;
        this.generator = settings.sampling().generator();
        this.augmentation = new ExampleAugmentation(settings.flips(), settings.randomPhaseProbability(),
                settings.randomContrastProbability());
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** The examples of one step (simulated, normalised), before conversion to arrays. */
    public List<MriExample> examples(long step) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, step, 1));
        MriSlice first = slices.get(r.nextInt(slices.size()));
        List<MriSlice> group = bySize.get(exampleSize(first, settings));
        // one transposition for the whole batch keeps its examples the same size
        boolean transpose = augmentation.geometric() && r.nextBoolean();
        List<MriExample> out = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            MriSlice s = i == 0 ? first : group.get(r.nextInt(group.size()));
            ComplexImage truth = crop(augmentation.apply(s.image(), transpose, r), r);
            long maskSeed = settings.perSampleMasks() ? Seeds.mix(seed, step, 100 + i) : seed;
            SamplingMask mask = generator.generate(truth.width(), truth.height(), maskSeed);
            out.add(MriExample.simulate(truth, mask));
        }
        return out;
    }

    /** A random band across the readout axis, or the image itself when not cropping. */
    private ComplexImage crop(ComplexImage image, SplittableRandom r) {
        int c = settings.readoutCrop();
        boolean rows = settings.sampling().axis() == PhaseEncodeAxis.X; // readout along y: keep all columns
        int extent = rows ? image.height() : image.width();
        if (c == 0 || c >= extent) {
            return image;
        }
        int offset = r.nextInt(extent - c + 1);
        int w = rows ? image.width() : c;
        int h = rows ? c : image.height();
        double[] re = new double[w * h];
        double[] im = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = rows ? x : x + offset;
                int sy = rows ? y + offset : y;
                re[y * w + x] = image.re(sx, sy);
                im[y * w + x] = image.im(sx, sy);
            }
        }
        return ComplexImage.wrap(w, h, re, im);
    }

    private static String exampleSize(MriSlice s, MriTrainingSettings settings) {
        int c = settings.readoutCrop();
        if (c == 0) {
            return s.sizeKey();
        }
        boolean rows = settings.sampling().axis() == PhaseEncodeAxis.X;
        int w = rows ? s.image().width() : Math.min(c, s.image().width());
        int h = rows ? Math.min(c, s.image().height()) : s.image().height();
        return w + "x" + h;
    }

    @Override
    public Batch batch(long step, NDManager manager) {
        List<MriExample> ex = examples(step);
        NDList inputs = toArrays(ex, manager);
        return new Batch(inputs, stack(ex, MriExample::target, 2, manager));
    }

    /** Stacks examples of one size into the network's three inputs. */
    public static NDList toArrays(List<MriExample> examples, NDManager manager) {
        return new NDList(stack(examples, MriExample::zeroFilled, 2, manager),
                stack(examples, MriExample::kspace, 2, manager), stack(examples, MriExample::mask, 1, manager));
    }

    private static NDArray stack(List<MriExample> examples, java.util.function.Function<MriExample, float[]> part,
            int channels, NDManager manager) {
        MriExample e0 = examples.get(0);
        int per = channels * e0.pixels();
        float[] data = new float[examples.size() * per];
        for (int i = 0; i < examples.size(); i++) {
            MriExample e = examples.get(i);
            if (e.width() != e0.width() || e.height() != e0.height()) {
                throw new IllegalArgumentException("a batch needs slices of one size, got " + e0.width() + "x"
                        + e0.height() + " and " + e.width() + "x" + e.height());
            }
            System.arraycopy(part.apply(e), 0, data, i * per, per);
        }
        return manager.create(data, new Shape(examples.size(), channels, e0.height(), e0.width()));
    }
}
