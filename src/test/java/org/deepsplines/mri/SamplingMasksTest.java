package org.deepsplines.mri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingMasksTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, -2, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsAccelerationsNotAboveOne(double r) {
        assertThrows(IllegalArgumentException.class, () -> CartesianLineMask.random(r));
        assertThrows(IllegalArgumentException.class, () -> CartesianLineMask.equispaced(r));
        assertThrows(IllegalArgumentException.class, () -> RadialMask.goldenAngle(r));
        assertThrows(IllegalArgumentException.class, () -> RandomPointsMask.of(r));
        for (MaskType t : MaskType.values()) {
            assertThrows(IllegalArgumentException.class, () -> t.generator(r, null, null));
        }
    }

    @Test
    void cartesianRandomHitsTheLineBudgetExactlyWithAFullCentre() {
        SamplingMask m = CartesianLineMask.random(4).generate(181, 217, 42);
        // 181 columns / 4 = 45.25 -> 45 lines; default centre 8% -> 14 lines
        assertEquals(45 * 217, m.sampledCount());
        assertEquals(181.0 / 45, m.acceleration(), 1e-12);
        assertEquals(45.0 / 181, m.sampledFraction(), 1e-12);
        int dc = 181 / 2;
        for (int x = dc - 7; x < dc + 7; x++) {
            assertTrue(m.isSampled(x, 0), "central column " + x);
        }
        for (int x = 0; x < 181; x++) { // whole columns
            boolean first = m.isSampled(x, 0);
            for (int y = 1; y < 217; y++) {
                assertEquals(first, m.isSampled(x, y));
            }
        }
        assertTrue(m.description().contains("45 of 181 columns"), m.description());
    }

    @Test
    void cartesianIsReproducibleAndSeedDependent() {
        CartesianLineMask g = CartesianLineMask.random(8);
        assertArrayEquals(g.selectLines(256, 5), g.selectLines(256, 5));
        assertFalse(java.util.Arrays.equals(g.selectLines(256, 5), g.selectLines(256, 6)));
    }

    @Test
    void cartesianAlongYSamplesWholeRows() {
        SamplingMask m = CartesianLineMask.random(4).withAxis(PhaseEncodeAxis.Y).generate(181, 217, 1);
        assertEquals(Math.round(217 / 4.0) * 181, m.sampledCount());
        for (int y = 0; y < 217; y++) {
            boolean first = m.isSampled(0, y);
            for (int x = 1; x < 181; x++) {
                assertEquals(first, m.isSampled(x, y));
            }
        }
        assertTrue(m.isSampled(0, 217 / 2));
    }

    @Test
    void variableDensityFavoursLowFrequencies() {
        CartesianLineMask g = CartesianLineMask.random(6).withCenterFraction(0.02);
        int n = 256;
        int near = 0;
        int far = 0;
        for (long seed = 0; seed < 200; seed++) {
            boolean[] lines = g.selectLines(n, seed);
            for (int i = 0; i < n; i++) {
                int d = Math.abs(i - n / 2);
                if (lines[i] && d > 8 && d <= 40) {
                    near++;
                }
                if (lines[i] && d > 96) {
                    far++;
                }
            }
        }
        // both bands hold 64 lines; density (1-d) gives about 2.5x more lines in the inner band
        assertTrue(near > 1.8 * far, "near " + near + " far " + far);
    }

    @Test
    void equispacedLinesAreEvenlySpacedOutsideTheCentre() {
        CartesianLineMask g = CartesianLineMask.equispaced(4).withCenterFraction(0.08);
        boolean[] lines = g.selectLines(256, 3);
        int count = 0;
        for (boolean b : lines) {
            count += b ? 1 : 0;
        }
        assertEquals(64, count);
        // gaps between consecutive outer lines (in the list of non-central lines) differ by at most 1
        int centre = (int) Math.round(256 * 0.08);
        int first = 128 - centre / 2;
        java.util.List<Integer> pos = new java.util.ArrayList<>();
        int outerIndex = 0;
        for (int i = 0; i < 256; i++) {
            boolean inCentre = i >= first && i < first + centre;
            if (!inCentre) {
                if (lines[i]) {
                    pos.add(outerIndex);
                }
                outerIndex++;
            }
        }
        int minGap = Integer.MAX_VALUE;
        int maxGap = 0;
        for (int i = 1; i < pos.size(); i++) {
            int gap = pos.get(i) - pos.get(i - 1);
            minGap = Math.min(minGap, gap);
            maxGap = Math.max(maxGap, gap);
        }
        assertTrue(maxGap - minGap <= 1, "gaps " + minGap + ".." + maxGap);
    }

    @Test
    void centreLargerThanTheBudgetIsRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CartesianLineMask.random(4).withCenterFraction(0.5).generate(100, 100, 0));
        assertTrue(e.getMessage().contains("centre fraction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CartesianLineMask.random(4).withCenterFraction(1.0));
    }

    @ParameterizedTest
    @EnumSource(RadialMask.Angles.class)
    void radialReachesTheTargetApproximatelyAndReportsTheExactValue(RadialMask.Angles angles) {
        for (double r : new double[] {4, 8}) {
            RadialMask g = angles == RadialMask.Angles.GOLDEN ? RadialMask.goldenAngle(r) : RadialMask.uniform(r);
            SamplingMask m = g.generate(256, 256, 9);
            assertEquals(r, m.acceleration(), 0.05 * r, m.toString());
            assertEquals(65536.0 / m.sampledCount(), m.acceleration(), 1e-12);
            assertTrue(m.isSampled(128, 128), "DC sampled");
            assertTrue(m.description().contains("spokes"), m.description());
        }
        RadialMask g = angles == RadialMask.Angles.GOLDEN ? RadialMask.goldenAngle(5) : RadialMask.uniform(5);
        assertArrayEquals(g.generate(181, 217, 3).toBooleanArray(), g.generate(181, 217, 3).toBooleanArray());
    }

    @Test
    void oneSpokeIsADigitalLineThroughTheCentre() {
        SamplingMask m = RadialMask.withSpokes(1, RadialMask.Angles.UNIFORM).generate(64, 64, 0);
        // one spoke through the centre covers a digital line of about 64 points between the borders
        assertTrue(m.sampledCount() >= 64 && m.sampledCount() <= 128, m.toString());
        assertTrue(m.isSampled(32, 32));
    }

    @Test
    void randomPointsHitTheBudgetAndKeepTheCentre() {
        SamplingMask m = RandomPointsMask.of(4).withCenterFraction(0.1).generate(181, 217, 11);
        int total = 181 * 217;
        assertEquals(Math.round(total / 4.0), m.sampledCount());
        assertEquals((double) total / Math.round(total / 4.0), m.acceleration(), 1e-12);
        // the central ellipse (radius 0.1 of the half-axes) is fully sampled
        for (int dy = -9; dy <= 9; dy++) {
            for (int dx = -7; dx <= 7; dx++) {
                if (Math.hypot(dx / 90.5, dy / 108.5) <= 0.1) {
                    assertTrue(m.isSampled(90 + dx, 108 + dy));
                }
            }
        }
        assertFalse(java.util.Arrays.equals(m.toBooleanArray(),
                RandomPointsMask.of(4).withCenterFraction(0.1).generate(181, 217, 12).toBooleanArray()));
    }

    @Test
    void randomPointsAreDenserNearTheCentre() {
        SamplingMask m = RandomPointsMask.of(5).generate(128, 128, 2);
        int inner = 0;
        int innerTotal = 0;
        int outer = 0;
        int outerTotal = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                double r = Math.hypot((x - 64) / 64.0, (y - 64) / 64.0);
                if (r > 0.1 && r < 0.4) {
                    innerTotal++;
                    inner += m.isSampled(x, y) ? 1 : 0;
                } else if (r > 0.8) {
                    outerTotal++;
                    outer += m.isSampled(x, y) ? 1 : 0;
                }
            }
        }
        assertTrue((double) inner / innerTotal > 2.0 * outer / outerTotal, inner + "/" + innerTotal + " vs "
                + outer + "/" + outerTotal);
    }

    @Test
    void maskTypeParsesNamesAndBuildsEveryFamily() {
        for (String name : new String[] {"cartesian", "EQUISPACED", "radial", "Random"}) {
            MaskType t = MaskType.parse(name);
            SamplingMask m = t.generator(4, null, null).generate(96, 80, 1);
            assertEquals(4, m.acceleration(), 0.25, t + ": " + m);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaskType.parse("spiral"));
        assertTrue(e.getMessage().contains("cartesian"));
    }

    @Test
    void emptyMaskAndSizeMismatchGiveClearMessages() {
        SamplingMask empty = SamplingMask.of(4, 4, new boolean[16], null);
        assertEquals(Double.POSITIVE_INFINITY, empty.acceleration());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, empty::requireNonEmpty);
        assertTrue(e.getMessage().contains("all zero"));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> empty.requireMatches(ComplexImage.zeros(5, 4)));
        assertTrue(e2.getMessage().contains("4x4") && e2.getMessage().contains("5x4"), e2.getMessage());
    }
}
