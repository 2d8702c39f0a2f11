package org.deepsplines.mri.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.SamplingMask;
import org.deepsplines.mri.TvParameters;
import org.deepsplines.train.Checkpoint;
import org.deepsplines.train.LearningRateSchedule;
import org.deepsplines.train.TrainingCancelledException;
import org.deepsplines.train.TrainingConfig;
import org.deepsplines.train.TrainingControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MriTrainingTest {
    @TempDir
    Path tmp;

    private static TrainingConfig config(long steps) {
        return TrainingConfig.builder().steps(steps).batchSize(2).learningRate(3e-3f).splineLearningRate(3e-3f)
                .schedule(LearningRateSchedule.CONSTANT).validateEvery(10).logEvery(10).seed(3).build();
    }

    private static MriReconstructionTrainer trainer(long steps) {
        MriNetworkConfig cfg = MriNetworkConfig.unrolled(MriTestSlices.cnn(MriTestSlices.spline(), 3, 8), 2, true,
                DataConsistencyKind.HARD);
        // flips only: intensity and phase augmentation would need more steps than a unit test should take
        return new MriReconstructionTrainer(cfg, config(steps),
                new MriTrainingSettings(MriSampling.of(MaskType.CARTESIAN, 3), true, 0.1, true, 0, 0, 0));
    }

    @Test
    void trainingBeatsZeroFillingAndTheModelFileRoundTrips() throws Exception {
        List<MriSlice> slices = MriTestSlices.phantoms(8, 32, 28, 4);
        try (MriReconstructionModel model = trainer(30).train(slices)) {
            var meta = model.description().getAsJsonObject("training");
            assertEquals(30, meta.get("steps_done").getAsLong());
            MriEvaluation.Summary s = MriEvaluation.run(model, MriTestSlices.phantoms(3, 32, 28, 99),
                    model.sampling().generator(), 0, TvParameters.defaults(), null);
            System.out.println("tiny model: " + json(s));
            assertTrue(s.psnr() > s.psnrZeroFilled() + 1, "trained " + s.psnr() + " dB vs zero-filled "
                    + s.psnrZeroFilled() + " dB");
            String json = s.toJsonLine();
            assertTrue(json.matches("\\{\"images\":3,\"psnr_zero_filled\":[0-9.]+,\"psnr_tv\":[0-9.]+,\"psnr\":[0-9.]+,"
                    + "\"ssim\":[0-9.]+\\}"), json);

            Path file = tmp.resolve("m.dsmodel");
            model.save(file, false);
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> model.save(file, false));
            ComplexImage truth = MriTestSlices.phantoms(1, 45, 31, 5).get(0).image();
            SamplingMask mask = model.sampling().generator().generate(45, 31, 2);
            var acq = org.deepsplines.mri.Acquisition.simulate(truth, mask, 0, 0);
            try (MriReconstructionModel back = MriReconstructionModel.load(file)) {
                assertEquals(MriReconstructionModel.TASK, back.toModelFile().task());
                assertEquals(model.network().toJson(), back.network().toJson());
                assertEquals("cartesian-3x", back.sampling().settingName());
                assertArrayEquals(model.reconstruct(acq.kspace(), mask).reFloat(),
                        back.reconstruct(acq.kspace(), mask).reFloat());
            }
        }
    }

    @Test
    void resumingFromACheckpointGivesTheSameWeights() throws Exception {
        List<MriSlice> slices = MriTestSlices.phantoms(5, 24, 20, 8);
        TrainingConfig cfg = TrainingConfig.builder().steps(6).batchSize(2).learningRate(3e-3f).splineLearningRate(3e-3f)
                .schedule(LearningRateSchedule.COSINE).validateEvery(10).logEvery(1).seed(3).build();
        MriReconstructionTrainer plain = trainer(6);
        byte[] straight;
        try (MriReconstructionModel m = new MriReconstructionTrainer(plain.network(), cfg, plain.settings())
                .train(slices)) {
            straight = weights(m);
        }
        Path cp = tmp.resolve("cp.zip");
        TrainingControl control = new TrainingControl();
        MriReconstructionTrainer interrupted = new MriReconstructionTrainer(plain.network(), cfg, plain.settings())
                .checkpoint(cp).control(control).listener(p -> {
                    if (p.step() == 3) {
                        control.cancel();
                    }
                });
        assertThrows(TrainingCancelledException.class, () -> interrupted.train(slices));
        Checkpoint c = Checkpoint.read(cp);
        assertEquals(3, c.step());
        try (MriReconstructionModel m = MriReconstructionTrainer.resuming(c).train(slices)) {
            assertArrayEquals(straight, weights(m));
        }
    }

    private static String json(MriEvaluation.Summary s) {
        return s.toJsonLine();
    }

    private static byte[] weights(MriReconstructionModel m) throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(buf)) {
            m.block().saveParameters(out);
        }
        return buf.toByteArray();
    }
}
