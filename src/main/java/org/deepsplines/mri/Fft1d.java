package org.deepsplines.mri;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Complex one-dimensional discrete Fourier transform of any length, unnormalised:
 * forward {@code X[u] = sum_k x[k] exp(-2 pi i u k / n)}, inverse with {@code +i} and no {@code 1/n}.
 *
 * <p>Power-of-two lengths use an iterative radix-2 transform; every other length (odd, prime, such as
 * the 181 and 217 of the brain slices) uses Bluestein's chirp-z identity, which rewrites the DFT as a
 * circular convolution of power-of-two length {@code >= 2n - 1}. Plans are immutable and cached, so
 * one instance may be shared between threads; the scratch memory lives in a {@link Workspace} that
 * each thread must own.
 */
public final class Fft1d {
    private static final ConcurrentHashMap<Integer, Fft1d> CACHE = new ConcurrentHashMap<>();

    private final int n;
    private final Radix2 radix2;        // for power-of-two n, else for the Bluestein convolution length
    private final double[] chirpRe;     // exp(-i pi k^2 / n), Bluestein only
    private final double[] chirpIm;
    private final double[] kernelRe;    // FFT of the conjugate chirp, Bluestein only
    private final double[] kernelIm;

    /** Scratch buffers for one thread. */
    public static final class Workspace {
        final double[] re;
        final double[] im;

        private Workspace(int m) {
            re = new double[m];
            im = new double[m];
        }
    }

    private Fft1d(int n) {
        this.n = n;
        if (Integer.bitCount(n) == 1) {
            radix2 = new Radix2(n);
            chirpRe = chirpIm = kernelRe = kernelIm = null;
            return;
        }
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) {
            m <<= 1;
        }
        radix2 = new Radix2(m);
        chirpRe = new double[n];
        chirpIm = new double[n];
        long twoN = 2L * n;
        for (int k = 0; k < n; k++) {
            // k^2 mod 2n keeps the angle small, so the chirp stays accurate for large k.
            long k2 = ((long) k * k) % twoN;
            double angle = Math.PI * k2 / n;
            chirpRe[k] = Math.cos(angle);
            chirpIm[k] = -Math.sin(angle);
        }
        kernelRe = new double[m];
        kernelIm = new double[m];
        kernelRe[0] = chirpRe[0];
        kernelIm[0] = -chirpIm[0];
        for (int k = 1; k < n; k++) {
            kernelRe[k] = chirpRe[k];
            kernelIm[k] = -chirpIm[k];
            kernelRe[m - k] = chirpRe[k];
            kernelIm[m - k] = -chirpIm[k];
        }
        radix2.transform(kernelRe, kernelIm, false);
    }

    /**
     * The (cached) plan for length {@code n}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static Fft1d of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be at least 1, got " + n);
        }
        if (n > (1 << 28)) {
            throw new IllegalArgumentException("FFT length " + n + " is too large (at most 2^28)");
        }
        return CACHE.computeIfAbsent(n, Fft1d::new);
    }

    /** Transform length. */
    public int length() {
        return n;
    }

    /** Scratch memory for {@link #transform(double[], double[], boolean, Workspace)}; one per thread. */
    public Workspace newWorkspace() {
        return new Workspace(chirpRe == null ? 0 : radix2.n);
    }

    /** In-place forward transform (allocates scratch; prefer the workspace overload in loops). */
    public void forward(double[] re, double[] im) {
        transform(re, im, false, newWorkspace());
    }

    /** In-place unnormalised inverse transform (allocates scratch). */
    public void inverse(double[] re, double[] im) {
        transform(re, im, true, newWorkspace());
    }

    /**
     * In-place transform of the first {@code n} entries of {@code re}/{@code im}.
     *
     * @param inverse false for the {@code -i} (forward) kernel, true for {@code +i}; neither scales
     */
    public void transform(double[] re, double[] im, boolean inverse, Workspace ws) {
        if (re.length < n || im.length < n) {
            throw new IllegalArgumentException("arrays shorter than the FFT length " + n);
        }
        if (chirpRe == null) {
            radix2.transform(re, im, inverse);
            return;
        }
        // The inverse is the conjugate of the forward transform of the conjugate.
        if (inverse) {
            for (int k = 0; k < n; k++) {
                im[k] = -im[k];
            }
        }
        bluestein(re, im, ws);
        if (inverse) {
            for (int k = 0; k < n; k++) {
                im[k] = -im[k];
            }
        }
    }

    private void bluestein(double[] re, double[] im, Workspace ws) {
        int m = radix2.n;
        double[] ar = ws.re;
        double[] ai = ws.im;
        for (int k = 0; k < n; k++) {
            ar[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
            ai[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
        }
        java.util.Arrays.fill(ar, n, m, 0.0);
        java.util.Arrays.fill(ai, n, m, 0.0);
        radix2.transform(ar, ai, false);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * kernelRe[k] - ai[k] * kernelIm[k];
            double i = ar[k] * kernelIm[k] + ai[k] * kernelRe[k];
            ar[k] = r;
            ai[k] = i;
        }
        radix2.transform(ar, ai, true);
        double inv = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double r = ar[k] * inv;
            double i = ai[k] * inv;
            re[k] = r * chirpRe[k] - i * chirpIm[k];
            im[k] = r * chirpIm[k] + i * chirpRe[k];
        }
    }

    /** Iterative decimation-in-time radix-2 FFT with precomputed twiddles and bit reversal. */
    private static final class Radix2 {
        final int n;
        final double[] cos;
        final double[] sin;
        final int[] reversed;

        Radix2(int n) {
            this.n = n;
            int half = Math.max(1, n / 2);
            cos = new double[half];
            sin = new double[half];
            for (int k = 0; k < half; k++) {
                double a = 2 * Math.PI * k / n;
                cos[k] = Math.cos(a);
                sin[k] = Math.sin(a);
            }
            reversed = new int[n];
            int bits = Integer.numberOfTrailingZeros(n);
            for (int k = 0; k < n; k++) {
                reversed[k] = bits == 0 ? 0 : Integer.reverse(k) >>> (32 - bits);
            }
        }

        void transform(double[] re, double[] im, boolean inverse) {
            for (int k = 0; k < n; k++) {
                int j = reversed[k];
                if (j > k) {
                    double t = re[k];
                    re[k] = re[j];
                    re[j] = t;
                    t = im[k];
                    im[k] = im[j];
                    im[j] = t;
                }
            }
            double sign = inverse ? 1.0 : -1.0;
            for (int size = 2; size <= n; size <<= 1) {
                int half = size >> 1;
                int step = n / size;
                for (int start = 0; start < n; start += size) {
                    for (int j = 0, t = 0; j < half; j++, t += step) {
                        double wr = cos[t];
                        double wi = sign * sin[t];
                        int a = start + j;
                        int b = a + half;
                        double xr = re[b] * wr - im[b] * wi;
                        double xi = re[b] * wi + im[b] * wr;
                        re[b] = re[a] - xr;
                        im[b] = im[a] - xi;
                        re[a] += xr;
                        im[a] += xi;
                    }
                }
            }
        }
    }
}
