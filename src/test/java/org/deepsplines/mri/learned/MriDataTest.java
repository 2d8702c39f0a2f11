package org.deepsplines.mri.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepsplines.mri.ComplexImage;
import org.deepsplines.mri.MaskType;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.mri.io.SliceAxis;
import org.junit.jupiter.api.Test;

class MriDataTest {

    @Test
    void sliceSelectionParsesRangesAndExclusions() {
        SliceSelection s = SliceSelection.parse("40:60:4", "44, 50-53");
        assertEquals(List.of(40, 48, 56, 60), s.indices(100));
        assertEquals(List.of(0, 1, 2), SliceSelection.parse(null, null).indices(3));
        assertThrows(IllegalArgumentException.class, () -> SliceSelection.parse("40-60", null));
        assertThrows(IllegalArgumentException.class, () -> SliceSelection.parse("1:2", "a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SliceSelection.parse("0:200", null).indices(181));
        assertTrue(e.getMessage().contains("181 slices"), e.getMessage());
    }

    @Test
    void volumeSlicesSkipTheEmptyBackgroundAndMatchTheShippedSlices() throws Exception {
        Path nii = MriTestData.file("volume/colin27_t1_1mm_ch2.nii.gz");
        List<String> skipped = new ArrayList<>();
        List<MriSlice> s = MriSliceReader.volume(nii, SliceAxis.Z, SliceSelection.parse("60:180:40", "100"),
                skipped::add);
        // z = 180 lies above the head
        assertEquals(1, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).contains("z=180"));
        assertEquals(List.of("colin27_t1_1mm_ch2.nii.gz z=60", "colin27_t1_1mm_ch2.nii.gz z=140"),
                s.stream().map(MriSlice::name).toList());
        ComplexImage png = MriTestData.slice("colin27_t1_axial_z060.png");
        assertEquals(png, s.get(0).image());
    }

    @Test
    void folderReadsMagnitudeAndComplexSlices() {
        List<MriSlice> complex = MriSliceReader.folder(MriTestData.root().resolve("complex"), w -> { });
        assertEquals(1, complex.size(), "the .mha file is not an image ImageJ reads as TIFF/PNG");
        ComplexImage z = complex.get(0).image();
        assertEquals(181, z.width());
        assertEquals(217, z.height());
        assertTrue(java.util.Arrays.stream(z.im()).anyMatch(v -> v != 0), "imaginary part must be kept");
        List<MriSlice> slices = MriSliceReader.folder(MriTestData.root().resolve("slices"), w -> { });
        assertEquals(9, slices.size());
        assertThrows(IllegalArgumentException.class, () -> MriSliceReader.folder(Path.of("no-such-folder"), w -> { }));
    }

    @Test
    void batchesDependOnlyOnTheStepAndAreNormalisedByTheZeroFilledMaximum() {
        List<MriSlice> slices = new ArrayList<>(MriTestSlices.phantoms(3, 30, 24, 1));
        slices.addAll(MriTestSlices.phantoms(2, 21, 17, 2));
        MriBatches b = new MriBatches(slices, MriTrainingSettings.defaults(MriSampling.of(MaskType.CARTESIAN, 3)), 3, 7);
        List<MriExample> a1 = b.examples(5);
        List<MriExample> a2 = b.examples(5);
        List<MriExample> c = b.examples(6);
        assertEquals(3, a1.size());
        for (int i = 0; i < a1.size(); i++) {
            assertArrayEquals(a1.get(i).target(), a2.get(i).target());
            assertArrayEquals(a1.get(i).mask(), a2.get(i).mask());
            assertEquals(a1.get(0).width(), a1.get(i).width(), "one size per batch");
        }
        boolean differs = false;
        for (int i = 0; i < a1.size(); i++) {
            differs |= a1.get(i).width() != c.get(i).width()
                    || !java.util.Arrays.equals(a1.get(i).mask(), c.get(i).mask());
        }
        assertTrue(differs, "another step draws other masks");
        for (MriExample e : a1) {
            int n = e.pixels();
            double max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, Math.hypot(e.zeroFilled()[i], e.zeroFilled()[n + i]));
            }
            assertEquals(1.0, max, 1e-6);
            for (int i = 0; i < n; i++) {
                if (e.mask()[i] == 0) {
                    assertEquals(0f, e.kspace()[i]);
                }
            }
        }
        MriTrainingSettings fixed = new MriTrainingSettings(MriSampling.of(MaskType.RADIAL, 3), false, 0.1, false, 0, 0, 0);
        MriBatches f = new MriBatches(slices.subList(0, 3), fixed, 2, 7);
        assertArrayEquals(f.examples(1).get(0).mask(), f.examples(2).get(1).mask(), "fixed mask");
        assertFalse(java.util.Arrays.equals(f.examples(1).get(0).mask(), new float[30 * 24]));
    }

    @Test
    void readoutBandsAreExactSubproblemsOfLineMaskedSlices() {
        MriSlice full = MriTestSlices.phantoms(1, 30, 40, 3).get(0);
        MriTrainingSettings settings = new MriTrainingSettings(MriSampling.of(MaskType.CARTESIAN, 3), false, 0, false, 0, 0,
                16);
        MriBatches b = new MriBatches(List.of(full), settings, 2, 5);
        MriExample band = b.examples(1).get(0);
        assertEquals(30, band.width());
        assertEquals(16, band.height());
        // the fixed mask (seed 5) of the whole slice, and its zero-filled image
        org.deepsplines.mri.SamplingMask mask = settings.sampling().generator().generate(30, 40, 5);
        MriExample whole = MriExample.simulate(full.image(), mask);
        // find the band's rows in the ground truth, then compare zero-filled images on the same scale
        int offset = -1;
        for (int o = 0; o <= 24 && offset < 0; o++) {
            boolean same = true;
            for (int i = 0; i < 30 * 16 && same; i++) {
                same = Math.abs(band.target()[i] * band.scale() - full.image().re()[o * 30 + i]) < 1e-4;
            }
            offset = same ? o : -1;
        }
        assertTrue(offset >= 0, "the band is a crop of the slice");
        for (int i = 0; i < 30 * 16; i++) {
            assertEquals(whole.zeroFilled()[offset * 30 + i] * whole.scale(), band.zeroFilled()[i] * band.scale(), 1e-4);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MriTrainingSettings(MriSampling.of(MaskType.RADIAL, 3), true, 0, false, 0, 0, 16));
        assertTrue(e.getMessage().contains("line masks"), e.getMessage());
    }
}
