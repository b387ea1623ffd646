package io.wasmrun.wast;

import io.wasmrun.Val;
import io.wasmrun.ValType;
import io.wasmrun.text.wast.WastValue;
import java.math.BigInteger;
import java.util.List;

/**
 * Turns script values into the raw encoding of {@link io.wasmrun.Func#callRaw} (i32 in the low
 * 32 bits, floats as bits, a v128 as two longs, references as numbers with {@code -1} for null)
 * and prints raw values for failure messages.
 *
 * <p>Host references ({@code ref.extern N}) are passed as {@code N}, the same number the engine
 * hands back when the reference returns, so they compare by identity as the spec requires.
 */
final class ValueCodec {
    /** The raw bits of a null reference. */
    static final long NULL_REF = -1L;

    private ValueCodec() {}

    /** The raw arguments for {@code args}, a v128 taking two slots. */
    static long[] encode(List<WastValue> args) {
        long[] raw = new long[slots(args)];
        int slot = 0;
        for (WastValue arg : args) {
            if (arg.type().equals("v128")) {
                long[] words = v128(arg);
                raw[slot++] = words[0];
                raw[slot++] = words[1];
            } else {
                raw[slot++] = scalar(arg);
            }
        }
        return raw;
    }

    private static int slots(List<WastValue> values) {
        int slots = 0;
        for (WastValue value : values) {
            slots += value.type().equals("v128") ? 2 : 1;
        }
        return slots;
    }

    /** The raw bits of a scalar value (a number or a reference). */
    static long scalar(WastValue value) {
        String text = value.value();
        if (text == null) {
            throw new IllegalArgumentException("a " + value.type() + " argument needs a value");
        }
        return switch (value.type()) {
            case "i32", "f32" -> bits(text, 32);
            case "i64", "f64" -> bits(text, 64);
            default -> reference(text);
        };
    }

    /** A reference's raw value: {@code -1} for null, otherwise its host number. */
    static long reference(String text) {
        return text.equals("null") ? NULL_REF : Long.parseLong(text);
    }

    /** {@code {low, high}} of a v128 given by lanes. */
    static long[] v128(WastValue value) {
        int width = V128Lanes.width(value.laneType());
        long[] lanes = new long[value.lanes().size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = bits(value.lanes().get(i), width);
        }
        return V128Lanes.pack(lanes, width);
    }

    /** An integer text (signed or unsigned decimal) as {@code width} bits. */
    static long bits(String text, int width) {
        BigInteger value = new BigInteger(text);
        long raw = value.longValue();
        return width == 64 ? raw : raw & ((1L << width) - 1);
    }

    /** A raw value of {@code type} in the text format's spelling. */
    static String format(long raw, ValType type) {
        if (type.isReference()) {
            return (int) raw == NULL_REF ? "ref.null" : "ref " + raw;
        }
        return Val.fromRaw(type, raw).text();
    }

    /** A v128 as its four i32 lanes in hex. */
    static String formatV128(long low, long high) {
        var sb = new StringBuilder("v128 i32x4");
        for (int i = 0; i < 4; i++) {
            sb.append(String.format(" 0x%08x", V128Lanes.lane(low, high, 32, i)));
        }
        return sb.toString();
    }
}
