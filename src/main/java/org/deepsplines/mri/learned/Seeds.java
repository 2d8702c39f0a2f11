package org.deepsplines.mri.learned;

/** Seed derivation: independent, reproducible streams per (seed, step, purpose). */
final class Seeds {
    private Seeds() {
    }

    /** A well-mixed 64-bit seed from a base seed, a step and a stream number (SplitMix64 finaliser). */
    static long mix(long seed, long step, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + step * 0xC2B2AE3D27D4EB4FL + stream * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
