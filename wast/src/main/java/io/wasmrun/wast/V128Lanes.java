package io.wasmrun.wast;

/**
 * Splits a v128 into lanes and back. Chicory passes a v128 as two longs, the low 64 bits first;
 * lane 0 is the least significant, as in memory (little-endian).
 */
final class V128Lanes {
    private V128Lanes() {}

    /** The lane width in bits of {@code laneType} ({@code i8} ... {@code f64}). */
    static int width(String laneType) {
        return switch (laneType) {
            case "i8" -> 8;
            case "i16" -> 16;
            case "i32", "f32" -> 32;
            case "i64", "f64" -> 64;
            default -> throw new IllegalArgumentException("unknown v128 lane type `" + laneType + "`");
        };
    }

    /** Lane {@code index} of the v128 {@code (low, high)}, zero-extended. */
    static long lane(long low, long high, int width, int index) {
        int bit = index * width;
        long word = bit < 64 ? low : high;
        long shifted = word >>> (bit % 64);
        return width == 64 ? shifted : shifted & ((1L << width) - 1);
    }

    /** Packs lanes (each truncated to {@code width} bits) into {@code {low, high}}. */
    static long[] pack(long[] lanes, int width) {
        long[] words = new long[2];
        for (int i = 0; i < lanes.length; i++) {
            int bit = i * width;
            long value = width == 64 ? lanes[i] : lanes[i] & ((1L << width) - 1);
            words[bit / 64] |= value << (bit % 64);
        }
        return words;
    }
}
