package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void eightBitMapsToUnitRangeAndSigmaScales() {
        Normalization n = Normalization.forBitDepth(8);
        assertArrayEquals(new float[] {0f, 0.2f, 1f}, n.normalize(new float[] {0, 51, 255}), 1e-7f);
        assertEquals(25.0 / 255.0, n.toNormalizedSigma(25), 1e-15);
        assertEquals(25.0 / 255.0, Normalization.sigma255ToUnit(25), 1e-15);
        assertEquals(25.0, n.toRawSigma(25.0 / 255.0), 1e-12);
        assertEquals(n, Normalization.auto(8));
        assertEquals(65535, Normalization.forBitDepth(16).scale());
        assertThrows(IllegalArgumentException.class, () -> Normalization.forBitDepth(32));
    }

    @Test
    void imageMaxIsResolvedPerImageAndInverts() {
        Normalization recipe = Normalization.auto(16);
        assertFalse(recipe.isResolved());
        assertThrows(IllegalStateException.class, () -> recipe.normalize(3.0));
        float[] raw = {100, 40000, 2000};
        Normalization r = recipe.resolve(raw);
        assertEquals(40000, r.scale());
        float[] y = recipe.normalize(raw);
        assertEquals(1f, y[1]);
        assertEquals(0.05f, y[2], 1e-7f);
        r.denormalizeInPlace(y);
        assertArrayEquals(raw, y, 1e-2f);
        assertEquals(1.0, recipe.resolve(new float[] {0, 0}).scale()); // all-zero image
        assertEquals(4.0, recipe.resolve(new float[] {-4, -1}).scale()); // nothing positive: largest magnitude
    }

    @Test
    void givenRangeIsAffine() {
        Normalization n = Normalization.range(-10, 30);
        assertEquals(0.25, n.normalize(0), 1e-15);
        assertEquals(0, n.denormalize(n.normalize(0)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Normalization.range(3, 3));
        assertEquals(7.5, Normalization.identity().normalize(7.5));
    }

    @Test
    void jsonRoundTripForEverySource() {
        for (Normalization n : new Normalization[] {Normalization.forBitDepth(8), Normalization.imageMax(),
            Normalization.range(-0.5, 2.25), Normalization.imageMax().resolve(new float[] {3, 812.5f})}) {
            String json = n.toJson();
            Normalization back = Normalization.fromJson(json);
            assertEquals(n.kind(), back.kind());
            assertEquals(n.scaleSource(), back.scaleSource());
            assertEquals(n.offset(), back.offset());
            assertEquals(n.scale(), back.scale()); // NaN equals NaN for boxed compare
            assertEquals(n.isResolved(), back.isResolved());
        }
        assertTrue(Normalization.imageMax().toJson().contains("\"scale\":null"), Normalization.imageMax().toJson());
        assertEquals("{\"kind\":\"range\",\"scaleSource\":\"bit-depth\",\"offset\":0.0,\"scale\":255.0}",
                Normalization.forBitDepth(8).toJson());
    }

    @Test
    void badJsonIsRejectedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> Normalization.fromJson("{"));
        assertThrows(IllegalArgumentException.class, () -> Normalization.fromJson("[1,2]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.fromJson("{\"kind\":\"zscore\",\"scaleSource\":\"given\",\"offset\":0,\"scale\":1}"));
        assertTrue(e.getMessage().contains("zscore"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.fromJson("{\"kind\":\"range\",\"scaleSource\":\"given\",\"offset\":0,\"scale\":-1}"));
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.fromJson("{\"kind\":\"range\",\"scaleSource\":\"given\",\"offset\":0}"));
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.fromJson("{\"kind\":\"range\",\"offset\":0,\"scale\":1}"));
    }

    @Test
    void grayImageNormalizedCopy() {
        GrayImage g = GrayImage.of2D("g", new float[] {0, 255, 51, 102}, 2, 2, 8);
        GrayImage n = g.normalized(Normalization.forBitDepth(8));
        assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f}, n.pixels(), 1e-7f);
        assertEquals(255f, g.pixels()[1]); // source untouched
    }
}
