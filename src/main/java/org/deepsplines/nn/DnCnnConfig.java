package org.deepsplines.nn;

import com.google.gson.JsonObject;

/**
 * Architecture of a DnCNN-style residual denoiser: conv+act, (depth−2) × [conv(+BN)+act], conv; the
 * network predicts the noise and the output is input − prediction.
 */
public final class DnCnnConfig {
    private final int depth;
    private final int width;
    private final int kernel;
    private final boolean batchNorm;
    private final int spatialDims;
    private final int channels;
    private final ActivationSpec activation;

    private DnCnnConfig(Builder b) {
        this.depth = b.depth;
        this.width = b.width;
        this.kernel = b.kernel;
        this.batchNorm = b.batchNorm;
        this.spatialDims = b.spatialDims;
        this.channels = b.channels;
        this.activation = b.activation;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().depth(depth).width(width).kernel(kernel).batchNorm(batchNorm)
                .spatialDims(spatialDims).channels(channels).activation(activation);
    }

    public int depth() { return depth; }
    public int width() { return width; }
    public int kernel() { return kernel; }
    public boolean batchNorm() { return batchNorm; }
    /** 2 for images (2D convolutions), 3 for volumes (3D convolutions). */
    public int spatialDims() { return spatialDims; }
    /** Image channels in and out (1 for grayscale, 2 for complex MRI data as real/imaginary). */
    public int channels() { return channels; }
    public ActivationSpec activation() { return activation; }

    /** Half-width of the receptive field in pixels: tiles need at least this much overlap. */
    public int receptiveFieldRadius() {
        return depth * (kernel / 2);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("type", "dncnn");
        o.addProperty("depth", depth);
        o.addProperty("width", width);
        o.addProperty("kernel", kernel);
        o.addProperty("batch_norm", batchNorm);
        o.addProperty("spatial_dims", spatialDims);
        o.addProperty("channels", channels);
        o.add("activation", activation.toJson());
        return o;
    }

    public static DnCnnConfig fromJson(JsonObject o) {
        return builder()
                .depth(o.get("depth").getAsInt())
                .width(o.get("width").getAsInt())
                .kernel(o.get("kernel").getAsInt())
                .batchNorm(o.get("batch_norm").getAsBoolean())
                .spatialDims(o.get("spatial_dims").getAsInt())
                .channels(o.has("channels") ? o.get("channels").getAsInt() : 1)
                .activation(ActivationSpec.fromJson(o.getAsJsonObject("activation")))
                .build();
    }

    @Override
    public String toString() {
        return "DnCNN-" + depth + " (" + spatialDims + "D, width " + width + ", kernel " + kernel
                + (batchNorm ? ", batch norm" : "") + ", activation " + activation + ")";
    }

    /** Builder with the defaults of a small, CPU-trainable denoiser. */
    public static final class Builder {
        private int depth = 17;
        private int width = 64;
        private int kernel = 3;
        private boolean batchNorm;
        private int spatialDims = 2;
        private int channels = 1;
        private ActivationSpec activation = ActivationSpec.of(ActivationKind.RELU);

        public Builder depth(int v) { depth = v; return this; }
        public Builder width(int v) { width = v; return this; }
        public Builder kernel(int v) { kernel = v; return this; }
        public Builder batchNorm(boolean v) { batchNorm = v; return this; }
        public Builder spatialDims(int v) { spatialDims = v; return this; }
        public Builder channels(int v) { channels = v; return this; }
        public Builder activation(ActivationSpec v) { activation = v; return this; }

        public DnCnnConfig build() {
            if (depth < 2) {
                throw new IllegalArgumentException("DnCNN depth must be at least 2 (got " + depth + ")");
            }
            if (width < 1) {
                throw new IllegalArgumentException("DnCNN width must be at least 1 (got " + width + ")");
            }
            if (kernel < 1 || kernel % 2 == 0) {
                throw new IllegalArgumentException("Kernel size must be odd and positive (got " + kernel + ")");
            }
            if (spatialDims != 2 && spatialDims != 3) {
                throw new IllegalArgumentException("spatialDims must be 2 or 3 (got " + spatialDims + ")");
            }
            if (channels < 1) {
                throw new IllegalArgumentException("channels must be at least 1 (got " + channels + ")");
            }
            if (activation == null) {
                throw new IllegalArgumentException("activation must be set");
            }
            return new DnCnnConfig(this);
        }
    }
}
