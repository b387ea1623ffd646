package io.wasmrun.cli;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size log-linear histogram of nanosecond latencies (64 linear sub-buckets per power of
 * two, so a percentile is off by at most 1/64 = 1.6%). Fixed memory whatever the run length, so a
 * long {@code wasmrun bench} does not grow the heap it measures. Thread-safe.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);
    private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();

    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos)));
        total.incrementAndGet();
        max.accumulateAndGet(nanos, Math::max);
    }

    long count() {
        return total.get();
    }

    long max() {
        return max.get();
    }

    /** The latency below which {@code fraction} of the recorded ones lie (bucket upper bound). */
    long percentile(double fraction) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * n);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), max.get());
            }
        }
        return max.get();
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
        int shift = exp - SUB_BITS + 1;
        int sub = (int) (v >>> shift); // in [SUB/2, SUB)
        return (exp - SUB_BITS + 1) * SUB + sub;
    }

    static long upperBound(int index) {
        int block = index / SUB;
        long sub = index % SUB;
        if (block == 0) {
            return sub;
        }
        int shift = block;
        return ((sub + 1) << shift) - 1;
    }
}
