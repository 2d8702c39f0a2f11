package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatchSamplerTest {

    /** An image whose pixel value encodes its position, offset to tell images apart. */
    private static GrayImage coded(String name, int w, int h, int d, float offset) {
        float[] p = new float[w * h * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = offset + i;
        }
        return new GrayImage(name, p, w, h, d, 32);
    }

    @Test
    void plainPatchesAreCrops() {
        GrayImage img = coded("a", 30, 20, 1, 0);
        PatchBatch b = new PatchSampler(List.of(img), 8, 1).augment(false).sample(50);
        assertArrayEquals(new long[] {50, 1, 8, 8}, b.shape());
        for (int s = 0; s < b.count(); s++) {
            float[] p = b.patch(s);
            int x0 = (int) p[0] % 30;
            int y0 = (int) p[0] / 30;
            assertTrue(x0 <= 22 && y0 <= 12, "origin inside the image");
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    assertEquals(img.get(x0 + j, y0 + i, 0), p[i * 8 + j]);
                }
            }
        }
    }

    @Test
    void augmentedPatchesAreTheEightSymmetriesOfCrops() {
        GrayImage img = coded("a", 25, 25, 1, 0);
        int p = 6;
        PatchBatch b = new PatchSampler(List.of(img), p, 5).sample(400);
        Set<Integer> seen = new HashSet<>();
        for (int s = 0; s < b.count(); s++) {
            float[] patch = b.patch(s);
            // the crop's top-left value is the smallest; recover the crop and find which symmetry matches
            float min = Float.MAX_VALUE;
            for (float v : patch) {
                min = Math.min(min, v);
            }
            float[] crop = new float[p * p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    crop[i * p + j] = img.get((int) min % 25 + j, (int) min / 25 + i, 0);
                }
            }
            int match = -1;
            List<float[]> syms = symmetries(crop, p);
            for (int t = 0; t < 8; t++) {
                if (Arrays.equals(syms.get(t), patch)) {
                    match = t;
                }
            }
            assertTrue(match >= 0, "patch " + s + " is not a symmetry of a crop");
            seen.add(match);
        }
        assertEquals(8, seen.size(), "all 8 symmetries should occur");
    }

    @Test
    void volumesGiveCubesWithFlips() {
        GrayImage vol = coded("v", 10, 9, 8, 0);
        int p = 4;
        PatchBatch b = new PatchSampler(List.of(vol), p, 2).sample(100);
        assertArrayEquals(new long[] {100, 1, 4, 4, 4}, b.shape());
        Set<String> flipSigns = new HashSet<>();
        for (int s = 0; s < b.count(); s++) {
            float[] c = b.patch(s);
            // along x, y, z the value steps by ±1, ±10, ±90
            float dx = c[1] - c[0];
            float dy = c[p] - c[0];
            float dz = c[p * p] - c[0];
            assertEquals(1, Math.abs(dx));
            assertEquals(10, Math.abs(dy));
            assertEquals(90, Math.abs(dz));
            flipSigns.add(Math.signum(dx) + "," + Math.signum(dy) + "," + Math.signum(dz));
            assertEquals(c[0] + dx * 3 + dy * 2 + dz, c[(1 * p + 2) * p + 3]); // affine everywhere
        }
        assertEquals(8, flipSigns.size());
    }

    @Test
    void sameSeedSameBatchesIncludingNoise() {
        List<GrayImage> imgs = List.of(coded("a", 40, 30, 1, 0), coded("b", 33, 50, 1, 1e4f));
        PatchSampler s1 = new PatchSampler(imgs, 16, 99);
        PatchSampler s2 = new PatchSampler(imgs, 16, 99);
        GaussianNoise n1 = new GaussianNoise(0, 0.2, 99);
        GaussianNoise n2 = new GaussianNoise(0, 0.2, 99);
        for (int k = 0; k < 3; k++) {
            NoisyBatch a = n1.apply(s1.sample(8));
            NoisyBatch b = n2.apply(s2.sample(8));
            assertArrayEquals(a.clean().data(), b.clean().data());
            assertArrayEquals(a.noisy(), b.noisy());
            assertArrayEquals(a.sigmas(), b.sigmas());
        }
        assertFalse(Arrays.equals(new PatchSampler(imgs, 16, 100).sample(8).data(),
                new PatchSampler(imgs, 16, 99).sample(8).data()));
    }

    @Test
    void imagesArePickedInProportionToTheirPatchPositions() {
        // 11x11 has 4x4 = 16 positions of an 8-patch, 15x15 has 8x8 = 64: expect 64/80 from the big one
        List<GrayImage> imgs = List.of(coded("small", 11, 11, 1, 0), coded("big", 15, 15, 1, 1e5f));
        PatchBatch b = new PatchSampler(imgs, 8, 4).sample(4000);
        int big = 0;
        for (int s = 0; s < b.count(); s++) {
            if (b.data()[s * 64] >= 1e5f) {
                big++;
            }
        }
        assertEquals(64.0 / 80.0, big / 4000.0, 0.03); // ±5 standard errors
    }

    @Test
    void tooSmallImagesAndMixedDimensionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PatchSampler(List.of(coded("ok", 64, 64, 1, 0), coded("tiny.png", 30, 70, 1, 0)), 40, 1));
        assertTrue(e.getMessage().contains("tiny.png") && e.getMessage().contains("30x70")
                && e.getMessage().contains("40x40"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PatchSampler(List.of(coded("flat", 64, 64, 1, 0), coded("vol", 64, 64, 64, 0)), 8, 1));
        assertTrue(e.getMessage().contains("mix"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PatchSampler(List.of(), 8, 1));
    }

    @Test
    void validationCropsAreFixed() {
        List<GrayImage> imgs = List.of(coded("a", 40, 30, 1, 0), coded("b", 33, 50, 1, 1e4f));
        PatchBatch f1 = PatchSampler.fixedCrops(imgs, 10, 6, 5);
        assertArrayEquals(f1.data(), PatchSampler.fixedCrops(imgs, 10, 6, 5).data());
        assertTrue(f1.data()[100] >= 1e4f && f1.data()[0] < 1e4f, "crops alternate between images");
        assertEquals(1f, f1.data()[1] - f1.data()[0]); // not augmented
        PatchBatch c = PatchSampler.centerCrops(imgs, 10);
        assertEquals(imgs.get(0).get(15, 10, 0), c.data()[0]);
        assertEquals(imgs.get(1).get(11, 20, 0), c.data()[100]);
    }

    @Test
    void batchAsTensor() {
        PatchSampler s = new PatchSampler(List.of(coded("a", 20, 20, 1, 0)), 5, 1).augment(false);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray t = s.sample(3, m);
            assertArrayEquals(new long[] {3, 1, 5, 5}, t.getShape().getShape());
            assertEquals(1f, t.getFloat(2, 0, 0, 1) - t.getFloat(2, 0, 0, 0));
            assertEquals(20f, t.getFloat(1, 0, 1, 0) - t.getFloat(1, 0, 0, 0));
        }
    }

    /** The 8 symmetries of a square patch, built with explicit rotations and a mirror. */
    private static List<float[]> symmetries(float[] a, int p) {
        float[] r1 = rot90(a, p);
        float[] r2 = rot90(r1, p);
        float[] r3 = rot90(r2, p);
        float[] m = mirror(a, p);
        float[] m1 = rot90(m, p);
        float[] m2 = rot90(m1, p);
        float[] m3 = rot90(m2, p);
        return List.of(a, r1, r2, r3, m, m1, m2, m3);
    }

    private static float[] rot90(float[] a, int p) {
        float[] o = new float[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                o[j * p + (p - 1 - i)] = a[i * p + j];
            }
        }
        return o;
    }

    private static float[] mirror(float[] a, int p) {
        float[] o = new float[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                o[i * p + (p - 1 - j)] = a[i * p + j];
            }
        }
        return o;
    }
}
