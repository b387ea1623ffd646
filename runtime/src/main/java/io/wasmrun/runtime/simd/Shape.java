package io.wasmrun.runtime.simd;

/**
 * A lane interpretation of a v128, which the lowering holds as two i64 halves: lanes {@code 0 ..
 * perHalf()-1} in the low half, the rest in the high half, lane 0 in the lowest bits.
 */
enum Shape {
    I8(8),
    I16(16),
    I32(32),
    I64(64),
    F32(32),
    F64(64);

    final int bits;

    Shape(int bits) {
        this.bits = bits;
    }

    int perHalf() {
        return 64 / bits;
    }

    int lanes() {
        return 128 / bits;
    }

    /** The lane's bits in the low end of a long. */
    long mask() {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** {@code value}'s low {@code bits} repeated in every lane of a half. */
    long replicate(long value) {
        long lane = value & mask();
        long half = 0;
        for (int i = 0; i < perHalf(); i++) {
            half |= lane << (i * bits);
        }
        return half;
    }

    boolean isFloat() {
        return this == F32 || this == F64;
    }
}
