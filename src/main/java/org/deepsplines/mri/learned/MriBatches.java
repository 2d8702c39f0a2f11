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
import org.deepsplines.mri.MaskGenerator;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.train.Batch;
import org.deepsplines.train.BatchSource;

/**
 * Training batches of whole slices: k-space operators need full fields of view, so examples are never
 * cropped. A batch holds slices of one size: the step's first slice is drawn uniformly, the others from the
 * slices of its size. Every example gets its own augmentation and (by default) its own mask, all drawn
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
            bySize.computeIfAbsent(s.sizeKey(), k -> new ArrayList<>()).add(s);
        }
        this.settings = settings;
        this.generator = settings.sampling().generator();
        this.augmentation = new ExampleAugmentation(settings.flips(), settings.randomPhaseProbability());
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** The examples of one step (simulated, normalised), before conversion to arrays. */
    public List<MriExample> examples(long step) {
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, step, 1));
        MriSlice first = slices.get(r.nextInt(slices.size()));
        List<MriSlice> group = bySize.get(first.sizeKey());
        List<MriExample> out = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            MriSlice s = i == 0 ? first : group.get(r.nextInt(group.size()));
            var truth = augmentation.apply(s.image(), r);
            long maskSeed = settings.perSampleMasks() ? Seeds.mix(seed, step, 100 + i) : seed;
            SamplingMask mask = generator.generate(truth.width(), truth.height(), maskSeed);
            out.add(MriExample.simulate(truth, mask));
        }
        return out;
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
