package io.wasmrun.cli.repl;

import io.wasmrun.FuncType;
import io.wasmrun.Val;
import io.wasmrun.ValType;
import io.wasmrun.WasmrunException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Reads values typed at the prompt. Integers accept decimal and {@code 0x} hex, signed or
 * unsigned range ({@code -1} and {@code 4294967295} are the same i32), with optional {@code _}
 * separators. Floats accept decimal, hex floats ({@code 0x1.8p3}), {@code inf}, {@code -inf},
 * {@code nan} and {@code nan:0x...} payloads. References accept {@code null}. {@link Val#text()}
 * prints values back in this syntax.
 */
final class ValueParser {
    private ValueParser() {}

    /**
     * Parses {@code text} as a value of {@code type}.
     *
     * @throws WasmrunException saying what was expected
     */
    static Val parse(String text, ValType type) {
        String t = text.strip().replace("_", "");
        return switch (type) {
            case I32 -> Val.i32((int) integer(text, t, 32));
            case I64 -> Val.i64(integer(text, t, 64));
            case F32 -> Val.fromRaw(type, f32Bits(text, t));
            case F64 -> Val.fromRaw(type, f64Bits(text, t));
            case V128 -> throw new WasmrunException("parameters of type " + type + " cannot be given as text");
            default -> {
                if (!t.equals("null")) {
                    throw new WasmrunException("`" + text + "` is not a " + type + " (only `null` can be given)");
                }
                yield Val.nullRef(type);
            }
        };
    }

    /**
     * Parses {@code texts} as the arguments of function {@code name} of type {@code type}.
     *
     * @throws WasmrunException naming the wrong count or the bad argument, and the signature
     */
    static Val[] arguments(String name, FuncType type, List<String> texts) {
        String signature = SignatureText.describe(name, type);
        int expected = type.params().size();
        if (texts.size() != expected) {
            throw new WasmrunException(
                    "`" + name + "` takes " + Describe.count(expected, "argument")
                            + " but " + texts.size() + " " + (texts.size() == 1 ? "was" : "were")
                            + " given; signature: " + signature);
        }
        Val[] values = new Val[expected];
        for (int i = 0; i < expected; i++) {
            try {
                values[i] = parse(texts.get(i), type.params().get(i));
            } catch (WasmrunException e) {
                throw new WasmrunException("argument " + (i + 1) + ": " + e.getMessage() + "; signature: " + signature);
            }
        }
        return values;
    }

    private static long integer(String original, String t, int bits) {
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        BigInteger value;
        try {
            if (body.startsWith("0x") || body.startsWith("0X")) {
                value = new BigInteger(body.substring(2), 16);
            } else if (!body.isEmpty() && Character.isDigit(body.charAt(0))) {
                value = new BigInteger(body);
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new WasmrunException("`" + original + "` is not an i" + bits + " (expected a decimal or 0x hex integer)");
        }
        if (negative) {
            value = value.negate();
        }
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger maxUnsigned = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (value.compareTo(min) < 0 || value.compareTo(maxUnsigned) > 0) {
            throw new WasmrunException(
                    "`" + original + "` is out of range for i" + bits + " (" + min + " to " + maxUnsigned + ")");
        }
        return value.longValue();
    }

    /** The bits of an f32, built directly so that a NaN keeps its payload. */
    private static int f32Bits(String original, String t) {
        String body = unsigned(t);
        if (body.startsWith("nan")) {
            int payload = (int) nanPayload(original, body, 0x40_0000L, 0x7F_FFFFL, "f32");
            return 0x7F80_0000 | payload | (negative(t) ? 0x8000_0000 : 0);
        }
        if (body.equals("inf") || body.equals("infinity")) {
            return Float.floatToRawIntBits(negative(t) ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
        }
        try {
            return Float.floatToRawIntBits(Float.parseFloat(hexFloat(t)));
        } catch (NumberFormatException e) {
            throw new WasmrunException("`" + original + "` is not an f32 (expected e.g. 1.5, 0x1p-3, inf or nan)");
        }
    }

    private static long f64Bits(String original, String t) {
        String body = unsigned(t);
        if (body.startsWith("nan")) {
            long payload = nanPayload(original, body, 0x8_0000_0000_0000L, 0xF_FFFF_FFFF_FFFFL, "f64");
            return 0x7FF0_0000_0000_0000L | payload | (negative(t) ? Long.MIN_VALUE : 0);
        }
        if (body.equals("inf") || body.equals("infinity")) {
            return Double.doubleToRawLongBits(negative(t) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        try {
            return Double.doubleToRawLongBits(Double.parseDouble(hexFloat(t)));
        } catch (NumberFormatException e) {
            throw new WasmrunException("`" + original + "` is not an f64 (expected e.g. 1.5, 0x1p-3, inf or nan)");
        }
    }

    private static boolean negative(String t) {
        return t.startsWith("-");
    }

    /** The lower-case text without its sign. */
    private static String unsigned(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
    }

    private static long nanPayload(String original, String body, long canonical, long mask, String type) {
        if (body.equals("nan")) {
            return canonical;
        }
        if (body.startsWith("nan:0x")) {
            try {
                long payload = Long.parseUnsignedLong(body.substring("nan:0x".length()), 16);
                if (payload != 0 && (payload & ~mask) == 0) {
                    return payload;
                }
            } catch (NumberFormatException e) {
                // reported below, like any other malformed NaN
            }
        }
        throw new WasmrunException("`" + original + "` is not a valid " + type + " NaN (expected nan or nan:0x<payload>)");
    }

    /** Java needs a binary exponent in hex floats; the text format allows leaving it out. */
    private static String hexFloat(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.contains("0x") && !lower.contains("p") ? t + "p0" : t;
    }
}
