package org.deepsplines.spline;

import ai.djl.ndarray.types.Shape;

/**
 * The (N, A, M) view of an input: batch N, activations A and M positions sharing each activation.
 * Channel mode reads (N, C, spatial...) as (N, C, product of spatial sizes); unit mode reads
 * (N, units...) as (N, product of unit sizes, 1).
 */
final class ActivationLayout {

    final long batch;
    final long activations;
    final long positions;

    private ActivationLayout(long batch, long activations, long positions) {
        this.batch = batch;
        this.activations = activations;
        this.positions = positions;
    }

    /**
     * Checks {@code shape} against the configuration and returns its view.
     *
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    static ActivationLayout of(Shape shape, SplineConfig config) {
        int rank = shape.dimension();
        int expected = config.numActivations();
        if (config.mode() == ActivationMode.CHANNEL) {
            if (rank < 2 || rank > 5) {
                throw new IllegalArgumentException("A channel-mode spline activation expects an input of rank 2 to 5, "
                        + "(N, C), (N, C, L), (N, C, H, W) or (N, C, D, H, W), got rank " + rank + " shape " + shape);
            }
            long channels = shape.get(1);
            if (channels != expected) {
                throw new IllegalArgumentException("Expected " + expected + " channels (one per activation) in "
                        + "dimension 1 of the input, got " + channels + " in shape " + shape);
            }
            long positions = 1;
            for (int d = 2; d < rank; d++) {
                positions *= shape.get(d);
            }
            return new ActivationLayout(shape.get(0), channels, positions);
        }
        if (rank < 2) {
            throw new IllegalArgumentException("A unit-mode spline activation expects an input of rank 2 or more, "
                    + "(N, C) or (N, C, H, W), got rank " + rank + " shape " + shape);
        }
        long units = 1;
        for (int d = 1; d < rank; d++) {
            units *= shape.get(d);
        }
        if (units != expected) {
            throw new IllegalArgumentException("Expected " + expected + " units (one per activation) per sample, "
                    + "got " + units + " in input shape " + shape);
        }
        return new ActivationLayout(shape.get(0), units, 1);
    }

    /** The (N, A, M) shape. */
    Shape viewShape() {
        return new Shape(batch, activations, positions);
    }
}
