package io.wasmrun.runtime.values;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and prints v128 values as a command line gives them. A value is either a shape and its
 * lanes, as after {@code v128.const} in the text format ({@code i32x4 1 2 3 4}, {@code f32x4 1.5
 * nan inf -0}; lanes in {@link WasmValues}' syntax), or one unsigned 128-bit integer in {@code 0x}
 * hex or decimal, which is how wasmtime prints a v128. Lane 0 is the integer's lowest bits (the
 * value's first byte in memory), so {@code 0x00000004_00000003_00000002_00000001} is {@code i32x4 1 2 3 4}.
 *
 * <p>Values are two longs, low half first, as {@code Func.callRaw} takes them.
 */
public final class V128Values {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private V128Values() {}

    /**
     * Parses {@code text} as a v128.
     *
     * @return the low and the high 64 bits
     * @throws ValueSyntaxException a one-line message naming the problem
     */
    public static long[] parse(String text) {
        List<String> words = Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            throw new ValueSyntaxException("`" + text + "` is not a v128 (expected a shape and its lanes, e.g. `i32x4 1 2 3 4`, or a 128-bit integer)");
        }
        String first = words.get(0);
        if (words.size() == 1 && !first.isEmpty() && (Character.isDigit(first.charAt(0)) || first.charAt(0) == '-' || first.charAt(0) == '+')) {
            return integer(first);
        }
        LaneShape shape = LaneShape.named(first).orElseThrow(() -> new ValueSyntaxException(
                "`" + String.join(" ", words) + "` is not a v128: unknown shape `" + first + "` (expected "
                        + LaneShape.NAMES + " and its lanes, or a 128-bit integer)"));
        return lanes(shape, words.subList(1, words.size()));
    }

    /** Prints a v128 as wasmtime's {@code --invoke} does: the unsigned 128-bit integer in decimal. */
    public static String format(long low, long high) {
        if (high == 0) {
            return Long.toUnsignedString(low);
        }
        return unsigned(high).shiftLeft(64).or(unsigned(low)).toString();
    }

    private static long[] lanes(LaneShape shape, List<String> lanes) {
        if (lanes.size() != shape.lanes()) {
            throw new ValueSyntaxException("`" + shape + " " + String.join(" ", lanes) + "` is not a v128: "
                    + shape + " takes " + shape.lanes() + " lanes but " + lanes.size() + " " + (lanes.size() == 1 ? "was" : "were") + " given");
        }
        long[] halves = new long[2];
        for (int i = 0; i < lanes.size(); i++) {
            long bits;
            try {
                bits = shape.lane(lanes.get(i));
            } catch (ValueSyntaxException e) {
                throw new ValueSyntaxException(shape + " lane " + i + ": " + e.getMessage());
            }
            int offset = i * shape.bits();
            halves[offset / 64] |= bits << (offset % 64);
        }
        return halves;
    }

    private static long[] integer(String word) {
        String t = word.replace("_", "");
        BigInteger value;
        try {
            value = t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t, 10);
        } catch (NumberFormatException e) {
            throw new ValueSyntaxException("`" + word + "` is not a v128 (expected a 0x hex or decimal integer, or a shape and its lanes, e.g. `i32x4 1 2 3 4`)");
        }
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new ValueSyntaxException("`" + word + "` is out of range for v128 (an unsigned 128-bit integer, 0 to 2^128-1)");
        }
        return new long[] {value.and(LOW_MASK).longValue(), value.shiftRight(64).longValue()};
    }

    private static BigInteger unsigned(long bits) {
        return new BigInteger(Long.toUnsignedString(bits));
    }
}
