package org.deepsplines.mri;

import java.util.Locale;

/** The mask families by name, for command lines and dialogs. */
public enum MaskType {
    /** {@link CartesianLineMask#random}: variable-density random lines with a fully sampled centre. */
    CARTESIAN,
    /** {@link CartesianLineMask#equispaced}: equispaced lines with a fully sampled centre. */
    EQUISPACED,
    /** {@link RadialMask#goldenAngle}: golden-angle radial spokes. */
    RADIAL,
    /** {@link RandomPointsMask}: 2D variable-density random points. */
    RANDOM;

    /**
     * A generator of this family.
     *
     * @param acceleration target acceleration, greater than 1
     * @param centerFraction fully sampled central fraction, or null for {@link MaskGenerator#defaultCenterFraction};
     *     ignored by radial masks, whose spokes always cross the centre
     * @param axis phase-encode axis of the line masks (null for x)
     */
    public MaskGenerator generator(double acceleration, Double centerFraction, PhaseEncodeAxis axis) {
        MaskGenerator.requireAcceleration(acceleration);
        double cf = centerFraction == null ? MaskGenerator.defaultCenterFraction(acceleration) : centerFraction;
        PhaseEncodeAxis a = axis == null ? PhaseEncodeAxis.X : axis;
        switch (this) {
            case CARTESIAN:
                return CartesianLineMask.random(acceleration).withCenterFraction(cf).withAxis(a);
            case EQUISPACED:
                return CartesianLineMask.equispaced(acceleration).withCenterFraction(cf).withAxis(a);
            case RADIAL:
                return RadialMask.goldenAngle(acceleration);
            case RANDOM:
                return RandomPointsMask.of(acceleration).withCenterFraction(cf);
            default:
                throw new AssertionError(this);
        }
    }

    /** Parses a name case-insensitively, with a message listing the valid names. */
    public static MaskType parse(String name) {
        for (MaskType t : values()) {
            if (t.name().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown mask type '" + name + "'; use one of cartesian, equispaced,"
                + " radial, random");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
