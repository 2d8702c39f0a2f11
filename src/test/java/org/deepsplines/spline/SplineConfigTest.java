package org.deepsplines.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class SplineConfigTest {

    private static SplineConfig.Builder valid() {
        return SplineConfig.builder().size(51).grid(0.1).numActivations(8);
    }

    @Test
    void defaults() {
        SplineConfig c = valid().build();
        assertEquals(51, c.size());
        assertEquals(25, c.halfSize());
        assertEquals(0.1, c.grid());
        assertFalse(c.range().isPresent());
        assertEquals(ActivationMode.CHANNEL, c.mode());
        assertEquals(SplineInit.LEAKY_RELU, c.init());
        assertEquals(SlopeConstraint.NONE, c.constraint());
        assertEquals(SplineBasis.BSPLINE, c.basis());
        assertFalse(c.explicitLinear());
        assertFalse(c.learnableBias());
    }

    @Test
    void rangeResolvesGridLikeTheReference() {
        assertEquals(0.16, SplineConfig.builder().size(51).range(4).numActivations(1).build().grid());
        // (1 / 10) / 1e-6 = 100000.00000000001 in double, floor → 100000 · 1e-6 = 0.09999999999999999
        SplineConfig c = SplineConfig.builder().size(21).range(1).numActivations(1).build();
        assertEquals(0.09999999999999999, c.grid());
        assertEquals(1.0, c.range().getAsDouble());
        assertEquals(0.19999999999999998, SplineConfig.gridFromRange(1, 11));
    }

    @Test
    void jsonRoundTripWithGrid() {
        SplineConfig c = valid().mode(ActivationMode.UNIT).init(SplineInit.RANDOM).seed(42).perturbSigma(0.05)
                .explicitLinear(true).learnableBias(true).constraint(SlopeConstraint.ONE_LIPSCHITZ).build();
        JsonObject json = c.toJson();
        assertEquals("one_lipschitz", json.get("constraint").getAsString());
        assertEquals("unit", json.get("mode").getAsString());
        SplineConfig back = SplineConfig.fromJson(JsonParser.parseString(json.toString()).getAsJsonObject());
        assertEquals(c, back);
        assertEquals(c.hashCode(), back.hashCode());
    }

    @Test
    void jsonRoundTripWithRange() {
        SplineConfig c = SplineConfig.builder().size(21).range(1).numActivations(3).basis(SplineBasis.RELU)
                .init(SplineInit.EVEN_ODD).constraint(SlopeConstraint.MONOTONE).build();
        JsonObject json = c.toJson();
        assertTrue(json.has("range"));
        assertFalse(json.has("grid"));
        SplineConfig back = SplineConfig.fromJson(json);
        assertEquals(c, back);
        assertEquals(c.grid(), back.grid());
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void jsonAcceptsAliasesAndRejectsUnknownKeys() {
        JsonObject json = JsonParser.parseString(
                "{\"size\":5,\"grid\":0.5,\"num_activations\":2,\"constraint\":\"1-lipschitz\",\"mode\":\"fc\"}")
                .getAsJsonObject();
        SplineConfig c = SplineConfig.fromJson(json);
        assertEquals(SlopeConstraint.ONE_LIPSCHITZ, c.constraint());
        assertEquals(ActivationMode.UNIT, c.mode());
        json.addProperty("sise", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplineConfig.fromJson(json));
        assertTrue(e.getMessage().contains("sise"), e.getMessage());
        JsonObject wrongType = JsonParser.parseString("{\"size\":\"many\",\"grid\":0.5,\"num_activations\":2}")
                .getAsJsonObject();
        assertThrows(IllegalArgumentException.class, () -> SplineConfig.fromJson(wrongType));
    }

    @Test
    void evenSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid().size(50).build());
        assertTrue(e.getMessage().contains("odd") && e.getMessage().contains("50")
                && e.getMessage().contains("51"), e.getMessage());
    }

    @Test
    void tooFewKnotsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid().size(1).build());
        assertTrue(e.getMessage().contains("at least 3") && e.getMessage().contains("got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> valid().size(-3).build());
    }

    @Test
    void nonPositiveGridIsRejected() {
        for (double g : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SplineConfig.builder().size(5).grid(g).numActivations(1).build());
            assertTrue(e.getMessage().contains("grid") && e.getMessage().contains("> 0"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SplineConfig.builder().size(5).range(-1).numActivations(1).build());
        assertTrue(e.getMessage().contains("range") && e.getMessage().contains("> 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SplineConfig.builder().size(51).range(1e-7).numActivations(1).build());
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }

    @Test
    void gridAndRangeAreExclusive() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> SplineConfig.builder().size(5).grid(0.1).range(1).numActivations(1).build());
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> SplineConfig.builder().size(5).numActivations(1).build());
        assertTrue(neither.getMessage().contains("grid(T)") && neither.getMessage().contains("range(R)"),
                neither.getMessage());
    }

    @Test
    void activationCountAndBiasAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SplineConfig.builder().size(5).grid(0.1).build());
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> valid().learnableBias(true).build());
        assertTrue(e.getMessage().contains("explicitLinear(true)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> valid().perturbSigma(-1).build());
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
    }

    @Test
    void enumsParseUserSpellings() {
        assertEquals(SplineInit.LEAKY_RELU, SplineInit.parse("leaky_relu"));
        assertEquals(SplineInit.LEAKY_RELU, SplineInit.parse("Leaky-ReLU"));
        assertEquals(SplineInit.EVEN_ODD, SplineInit.parse("even_odd"));
        assertEquals(SlopeConstraint.ONE_LIPSCHITZ, SlopeConstraint.parse("1-lipschitz"));
        assertEquals(SlopeConstraint.ONE_LIPSCHITZ, SlopeConstraint.parse("one_lipschitz"));
        assertEquals(SlopeConstraint.MONOTONE, SlopeConstraint.parse("monotone"));
        assertEquals(SlopeConstraint.NONE, SlopeConstraint.parse("NONE"));
        assertEquals(ActivationMode.CHANNEL, ActivationMode.parse("conv"));
        assertEquals(ActivationMode.UNIT, ActivationMode.parse("unit"));
        assertEquals(SplineBasis.BSPLINE, SplineBasis.parse("b-spline"));
        assertEquals(SplineBasis.RELU, SplineBasis.parse("relu"));
        assertEquals("leaky_relu", SplineInit.LEAKY_RELU.id());
    }

    @Test
    void unknownEnumNamesListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplineInit.parse("tanh"));
        assertTrue(e.getMessage().contains("tanh") && e.getMessage().contains("relu, leaky_relu, identity, "
                + "even_odd, random"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlopeConstraint.parse("2-lipschitz"));
        assertTrue(e.getMessage().contains("none, one_lipschitz, monotone"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ActivationMode.parse(""));
        assertTrue(e.getMessage().contains("channel, unit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SplineBasis.parse(null));
        assertTrue(e.getMessage().contains("bspline, relu"), e.getMessage());
    }
}
