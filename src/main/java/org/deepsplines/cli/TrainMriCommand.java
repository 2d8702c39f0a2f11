package org.deepsplines.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepsplines.data.AtomicFiles;
import org.deepsplines.mri.io.SliceAxis;
import org.deepsplines.mri.learned.DataConsistencyKind;
import org.deepsplines.mri.learned.MriNetworkConfig;
import org.deepsplines.mri.learned.MriNetworkKind;
import org.deepsplines.mri.learned.MriReconstructionModel;
import org.deepsplines.mri.learned.MriReconstructionTrainer;
import org.deepsplines.mri.learned.MriSampling;
import org.deepsplines.mri.learned.MriSlice;
import org.deepsplines.mri.learned.MriSliceReader;
import org.deepsplines.mri.learned.MriTrainingSettings;
import org.deepsplines.mri.learned.SliceSelection;
import org.deepsplines.nn.DeviceSelection;
import org.deepsplines.nn.DnCnnConfig;
import org.deepsplines.nn.ParameterCounts;
import org.deepsplines.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train-mri}: trains a learned single-coil MRI reconstruction on fully sampled slices. */
@Command(name = "train-mri", mixinStandardHelpOptions = true, defaultValueProvider = MriDefaults.class,
        description = {
            "Train a learned MRI reconstruction (residual CNN with spline or fixed activations) on simulated",
            "noiseless single-coil acquisitions of fully sampled slices: a folder of images (--images) or the",
            "slices of a volume (--volume, NIfTI or TIFF stack)."})
final class TrainMriCommand implements Callable<Integer> {
    @Option(names = "--images", paramLabel = "DIR", description = "Folder of ground-truth slices (PNG/TIFF; two-slice 32-bit TIFFs are complex).")
    Path images;

    @Option(names = "--volume", paramLabel = "FILE", description = "Volume to slice: NIfTI (.nii, .nii.gz) or a TIFF stack.")
    Path volume;

    @Option(names = "--axis", defaultValue = "z", description = "Slice axis of a NIfTI volume: x, y or z (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(names = "--slices", paramLabel = "FROM:TO[:STEP]", description = "Slice range of the volume (inclusive; default: all).")
    String slices;

    @Option(names = "--exclude-slices", paramLabel = "LIST", description = "Volume slices never used, e.g. 58-62,78-82 (test slices).")
    String excludeSlices;

    @Mixin MaskOptions acquisition;

    @Option(names = "--fixed-mask", description = "Use one mask for all examples instead of a new one per example.")
    boolean fixedMask;

    @Option(names = "--no-flips", description = "Do not flip or transpose slices randomly.")
    boolean noFlips;

    @Option(names = "--random-phase", defaultValue = "0.5", paramLabel = "P",
            description = "Probability of giving an example a random smooth phase (default: ${DEFAULT-VALUE}).")
    double randomPhase;

    @Option(names = "--random-contrast", defaultValue = "0.5", paramLabel = "P",
            description = "Probability of remapping an example's intensities by a random curve (default: ${DEFAULT-VALUE}).")
    double randomContrast;

    @Option(names = "--readout-crop", defaultValue = "0", paramLabel = "PIXELS",
            description = "Cartesian line masks only: train on bands of this many pixels across the fully sampled"
                    + " readout direction (exact, cheaper steps); 0 = whole slices (default).")
    int readoutCrop;

    @Option(names = "--validation", defaultValue = "0.1", description = "Fraction of slices held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--net", defaultValue = "unrolled", description = "post or unrolled (default: ${DEFAULT-VALUE}).")
    String net;

    @Option(names = "--iterations", defaultValue = "5", paramLabel = "K", description = "Unrolled iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--shared-weights", description = "One CNN shared by all unrolled iterations.")
    boolean sharedWeights;

    @Option(names = "--consistency", defaultValue = "hard",
            description = "Data consistency of unrolled networks: hard or learned (default: ${DEFAULT-VALUE}).")
    String consistency;

    @Option(names = {"--out", "-o"}, required = true, description = "Model file to write (.dsmodel).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing model file.")
    boolean overwrite;

    @Option(names = "--checkpoint", description = "Checkpoint file (written every --checkpoint-every steps and on cancel).")
    Path checkpoint;

    @Option(names = "--resume", description = "Resume from this checkpoint (give the same slices; settings come from it,"
            + " except --steps, which sets a new total).")
    Path resume;

    @Mixin DeviceOption device;

    @Mixin NetworkOptions network;
    @Mixin TrainingOptions training;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.checkWritable(out, overwrite);
        if (network.threeD) {
            throw new IllegalArgumentException("MRI reconstruction works on 2D slices; drop --3d");
        }
        DeviceSelection where = device.select();
        List<MriSlice> data = readSlices();
        MriReconstructionTrainer trainer;
        if (resume != null) {
            // --steps, when given, sets a new total; otherwise the checkpoint's total applies.
            Checkpoint saved = Checkpoint.read(resume);
            Long total = training.stepsIfGiven();
            trainer = total != null ? MriReconstructionTrainer.resuming(saved, total) : MriReconstructionTrainer.resuming(saved);
        } else {
            DnCnnConfig cnn = network.toConfig(2);
            MriNetworkConfig cfg = MriNetworkKind.parse(net) == MriNetworkKind.POST ? MriNetworkConfig.post(cnn)
                    : MriNetworkConfig.unrolled(cnn, iterations, sharedWeights, DataConsistencyKind.parse(consistency));
            MriSampling sampling = acquisition.sampling();
            MriTrainingSettings settings = new MriTrainingSettings(sampling, !fixedMask, validation, !noFlips, randomPhase,
                    randomContrast, readoutCrop);
            trainer = new MriReconstructionTrainer(cfg, training.toConfig(), settings);
        }
        Path cp = checkpoint != null ? checkpoint : resume;
        if (cp != null) {
            trainer.checkpoint(cp);
        }
        trainer.device(where.device()).listener(new ConsoleProgress(System.out)).messages(System.out::println);
        try (MriReconstructionModel model = trainer.train(data)) {
            model.save(out, overwrite);
            System.out.println("Model written to " + out.toAbsolutePath() + " (" + ParameterCounts.of(model.block()) + ")");
        }
        return 0;
    }

    private List<MriSlice> readSlices() throws java.io.IOException {
        if ((images == null) == (volume == null)) {
            throw new IllegalArgumentException("give either --images DIR or --volume FILE");
        }
        if (images != null) {
            return MriSliceReader.folder(images, w -> System.err.println("warning: " + w));
        }
        List<MriSlice> s = MriSliceReader.volume(volume, SliceAxis.parse(axis),
                SliceSelection.parse(slices, excludeSlices), System.out::println);
        System.out.println("Read " + s.size() + " slices of " + volume.getFileName());
        return s;
    }
}
