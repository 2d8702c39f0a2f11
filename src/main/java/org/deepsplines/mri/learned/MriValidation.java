package org.deepsplines.mri.learned;

import java.util.ArrayList;
import java.util.List;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskGenerator;
import org.deepsplines.train.metrics.Psnr;

/**
 * Held-out slices with fixed masks, scored by mean PSNR of the reconstructed magnitude against the ground
 * truth magnitude, both divided by the ground truth's maximum (data range 1), as {@link MriEvaluation}.
 */
final class MriValidation {
    private final List<MriExample> examples = new ArrayList<>();
    private final List<float[]> references = new ArrayList<>();
    private final List<Double> peaks = new ArrayList<>();

    MriValidation(List<MriSlice> slices, MaskGenerator generator, long seed) {
        for (int i = 0; i < slices.size(); i++) {
            ComplexImage truth = slices.get(i).image();
            MriExample ex = MriExample.simulate(truth, generator.generate(truth.width(), truth.height(), seed + i));
            double peak = truth.maxAbs();
            examples.add(ex);
            references.add(MriEvaluation.scaledMagnitude(truth, peak));
            peaks.add(peak);
        }
    }

    int size() {
        return examples.size();
    }

    double meanPsnr(MriReconstructionModel model) {
        double sum = 0;
        for (int i = 0; i < examples.size(); i++) {
            MriExample ex = examples.get(i);
            ComplexImage out = ex.denormalize(model.run(ex));
            sum += Math.min(100, Psnr.compute(references.get(i), MriEvaluation.scaledMagnitude(out, peaks.get(i)), 1.0));
        }
        return sum / examples.size();
    }
}
