package org.deepsplines.mri.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.nn.ActivationKind;
import org.deepsplines.nn.ActivationSpec;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.spline.SplineConfig;

/** Small synthetic ground truths (random ellipses on a dark background) and tiny networks for fast tests. */
final class MriTestSlices {
    private MriTestSlices() {
    }

    /** {@code count} phantoms of {@code w x h}, each with a few ellipses of random intensity. */
    static List<MriSlice> phantoms(int count, int w, int h, long seed) {
        Random r = new Random(seed);
        List<MriSlice> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            double[] re = new double[w * h];
            int ellipses = 3 + r.nextInt(3);
            for (int e = 0; e < ellipses; e++) {
                double cx = w * (0.3 + 0.4 * r.nextDouble());
                double cy = h * (0.3 + 0.4 * r.nextDouble());
                double ax = w * (0.1 + 0.25 * r.nextDouble());
                double ay = h * (0.1 + 0.25 * r.nextDouble());
                double v = 0.2 + 0.8 * r.nextDouble();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double dx = (x - cx) / ax;
                        double dy = (y - cy) / ay;
                        if (dx * dx + dy * dy <= 1) {
                            re[y * w + x] += v;
                        }
                    }
                }
            }
            out.add(new MriSlice("phantom" + n, ComplexImage.ofReal(w, h, re)));
        }
        return out;
    }

    static DnCnnConfig cnn(ActivationSpec act, int depth, int width) {
        return DnCnnConfig.builder().depth(depth).width(width).channels(2).activation(act).build();
    }

    static ActivationSpec spline() {
        return ActivationSpec.spline(SplineConfig.builder().size(21).numActivations(1).range(2).build());
    }

    static ActivationSpec relu() {
        return ActivationSpec.of(ActivationKind.RELU);
    }
}
