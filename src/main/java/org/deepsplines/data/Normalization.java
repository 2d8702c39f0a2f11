package org.deepsplines.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * How raw pixel values are mapped to the network's input scale, {@code y = (x - offset) / scale}, and
 * back. A model stores this record (see {@link #toJson()}) so that inference applies the same mapping
 * and inverts it on the output.
 *
 * <p>There is one kind, {@code "range"}, whose scale comes from one of three sources:
 * <ul>
 *   <li>{@code "bit-depth"}: the full range of the integer type, 8-bit → {@code /255}, 16-bit → {@code /65535};</li>
 *   <li>{@code "image-max"}: each image is divided by its own maximum; such a record is a recipe and
 *       must be {@link #resolve(float[]) resolved} on the image before use, and the resolved record
 *       inverts the result;</li>
 *   <li>{@code "given"}: offset and scale set by the user ({@link #range(double, double)}).</li>
 * </ul>
 *
 * <p><b>Noise levels.</b> For 8-bit-like data noise σ is quoted on the 0–255 scale, as in the denoising
 * literature (σ = 25 means 25 grey levels). In normalised units it is {@code σ / 255}
 * ({@link #sigma255ToUnit(double)}); for any resolved record {@link #toNormalizedSigma(double)} divides
 * a σ in raw units by the scale.
 *
 * @param kind always {@value #KIND_RANGE}
 * @param scaleSource {@value #BIT_DEPTH}, {@value #IMAGE_MAX} or {@value #GIVEN}
 * @param offset subtracted first (raw units)
 * @param scale divided by next (raw units); NaN for an unresolved {@value #IMAGE_MAX} record
 */
public record Normalization(String kind, String scaleSource, double offset, double scale) {

    /** The only kind so far: an affine map onto a range. */
    public static final String KIND_RANGE = "range";
    /** Scale from the integer type's full range. */
    public static final String BIT_DEPTH = "bit-depth";
    /** Scale from each image's own maximum. */
    public static final String IMAGE_MAX = "image-max";
    /** Offset and scale given explicitly. */
    public static final String GIVEN = "given";

    /** Validates the fields. */
    public Normalization {
        if (!KIND_RANGE.equals(kind)) {
            throw new IllegalArgumentException("Unknown normalization kind '" + kind + "'; expected '" + KIND_RANGE + "'");
        }
        if (!BIT_DEPTH.equals(scaleSource) && !IMAGE_MAX.equals(scaleSource) && !GIVEN.equals(scaleSource)) {
            throw new IllegalArgumentException("Unknown normalization scale source '" + scaleSource + "'; expected '"
                    + BIT_DEPTH + "', '" + IMAGE_MAX + "' or '" + GIVEN + "'");
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("Normalization offset must be finite, got " + offset);
        }
        if (!IMAGE_MAX.equals(scaleSource) || !Double.isNaN(scale)) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("Normalization scale must be a positive number, got " + scale);
            }
        }
    }

    /** Full range of an integer bit depth: 8 → [0, 255], 16 → [0, 65535]. */
    public static Normalization forBitDepth(int bitDepth) {
        if (bitDepth == 8) {
            return new Normalization(KIND_RANGE, BIT_DEPTH, 0, 255);
        }
        if (bitDepth == 16) {
            return new Normalization(KIND_RANGE, BIT_DEPTH, 0, 65535);
        }
        throw new IllegalArgumentException("A bit-depth range exists for 8- and 16-bit images only, not " + bitDepth
                + "-bit; use imageMax() or range(min, max)");
    }

    /** Each image divided by its own maximum (resolve it per image). */
    public static Normalization imageMax() {
        return new Normalization(KIND_RANGE, IMAGE_MAX, 0, Double.NaN);
    }

    /** Maps {@code [min, max]} onto {@code [0, 1]}. */
    public static Normalization range(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("Normalization range needs max > min, got [" + min + ", " + max + "]");
        }
        return new Normalization(KIND_RANGE, GIVEN, min, max - min);
    }

    /** Leaves values unchanged. */
    public static Normalization identity() {
        return new Normalization(KIND_RANGE, GIVEN, 0, 1);
    }

    /**
     * The usual choice for a source bit depth: 8-bit → {@code /255}; 16-bit and 32-bit → the image's own
     * maximum (16-bit data rarely fills 0–65535, float data has no fixed range).
     */
    public static Normalization auto(int bitDepth) {
        return bitDepth == 8 ? forBitDepth(8) : imageMax();
    }

    /** Converts a noise σ on the 0–255 scale into normalised units for 8-bit-like data: {@code σ / 255}. */
    public static double sigma255ToUnit(double sigma255) {
        return sigma255 / 255.0;
    }

    /** True when offset and scale are fixed numbers (not an image-max recipe awaiting an image). */
    public boolean isResolved() {
        return !Double.isNaN(scale);
    }

    /**
     * The concrete mapping for these pixels: for {@value #IMAGE_MAX} the scale becomes the largest value
     * (the largest absolute value when no value is positive; 1 for an all-zero image). Resolved records
     * are returned unchanged.
     */
    public Normalization resolve(float[] pixels) {
        if (isResolved()) {
            return this;
        }
        double max = Double.NEGATIVE_INFINITY;
        double maxAbs = 0;
        for (float v : pixels) {
            max = Math.max(max, v);
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double s = max > 0 ? max : (maxAbs > 0 ? maxAbs : 1);
        return new Normalization(KIND_RANGE, IMAGE_MAX, 0, s);
    }

    /** {@link #resolve(float[])} on an image's pixels. */
    public Normalization resolve(GrayImage image) {
        return resolve(image.pixels());
    }

    /** {@code (x - offset) / scale}. */
    public double normalize(double x) {
        requireResolved();
        return (x - offset) / scale;
    }

    /** {@code y * scale + offset}. */
    public double denormalize(double y) {
        requireResolved();
        return y * scale + offset;
    }

    /**
     * A normalised copy of {@code raw}. An unresolved {@value #IMAGE_MAX} record is resolved on
     * {@code raw} first; call {@link #resolve(float[])} yourself when you need to invert the result.
     */
    public float[] normalize(float[] raw) {
        Normalization n = resolve(raw);
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) ((raw[i] - n.offset) / n.scale);
        }
        return out;
    }

    /** Applies the inverse map in place. */
    public void denormalizeInPlace(float[] values) {
        requireResolved();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] * scale + offset);
        }
    }

    /** Converts a noise σ given in raw units into normalised units ({@code σ / scale}). */
    public double toNormalizedSigma(double sigmaRaw) {
        requireResolved();
        return sigmaRaw / scale;
    }

    /** Converts a noise σ in normalised units back into raw units ({@code σ · scale}). */
    public double toRawSigma(double sigmaNormalized) {
        requireResolved();
        return sigmaNormalized * scale;
    }

    /** JSON object {@code {"kind":..,"scaleSource":..,"offset":..,"scale":..}}; scale is null when unresolved. */
    public String toJson() {
        return toJsonObject().toString();
    }

    /** The JSON tree, for embedding in a larger model description. */
    public JsonObject toJsonObject() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("scaleSource", scaleSource);
        o.addProperty("offset", offset);
        if (isResolved()) {
            o.addProperty("scale", scale);
        } else {
            o.add("scale", com.google.gson.JsonNull.INSTANCE);
        }
        return o;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static Normalization fromJson(String json) {
        JsonElement e;
        try {
            e = JsonParser.parseString(json);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("Normalization is not valid JSON: " + ex.getMessage());
        }
        return fromJson(e);
    }

    /** Reads a JSON tree written by {@link #toJsonObject()}. */
    public static Normalization fromJson(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException("Normalization JSON must be an object, got " + element);
        }
        JsonObject o = element.getAsJsonObject();
        for (String key : new String[] {"kind", "scaleSource", "offset"}) {
            if (!o.has(key) || o.get(key).isJsonNull()) {
                throw new IllegalArgumentException("Normalization JSON lacks '" + key + "': " + o);
            }
        }
        JsonElement s = o.get("scale");
        double scale = s == null || s.isJsonNull() ? Double.NaN : s.getAsDouble();
        return new Normalization(o.get("kind").getAsString(), o.get("scaleSource").getAsString(),
                o.get("offset").getAsDouble(), scale);
    }

    private void requireResolved() {
        if (!isResolved()) {
            throw new IllegalStateException("This image-max normalization has no scale yet; call resolve(image) first");
        }
    }
}
