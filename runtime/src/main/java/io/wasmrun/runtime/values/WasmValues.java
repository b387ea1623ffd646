package io.wasmrun.runtime.values;

import com.dylibso.chicory.wasm.types.ValType;
import com.dylibso.chicory.wasm.types.Value;
import io.wasmrun.runtime.Signatures;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Converts between text and Chicory's raw value encoding (i32 in the low 32 bits, floats as their
 * bit patterns, references as indices).
 *
 * <p>Integers accept decimal and {@code 0x} hex, signed or unsigned range ({@code -1} and {@code
 * 4294967295} are the same i32), with optional {@code _} separators. Floats accept decimal,
 * hex floats ({@code 0x1.8p3}), {@code inf}, {@code -inf}, {@code nan} and {@code nan:0x...}
 * payloads. References accept {@code null}.
 */
public final class WasmValues {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private WasmValues() {}

    /** Parses {@code text} as a value of {@code type}. */
    public static long parse(String text, ValType type) {
        String t = text.strip().replace("_", "");
        int op = type.opcode();
        if (op == ValType.ID.I32) {
            return parseInteger(text, t, 32) & 0xFFFF_FFFFL;
        } else if (op == ValType.ID.I64) {
            return parseInteger(text, t, 64);
        } else if (op == ValType.ID.F32) {
            return Float.floatToRawIntBits(parseF32(text, t)) & 0xFFFF_FFFFL;
        } else if (op == ValType.ID.F64) {
            return Double.doubleToRawLongBits(parseF64(text, t));
        } else if (type.isReference()) {
            if (t.equals("null")) {
                return Value.REF_NULL_VALUE;
            }
            throw new ValueSyntaxException(
                    "`" + text + "` is not a " + Signatures.typeName(type) + " (only `null` can be given)");
        }
        throw new ValueSyntaxException(
                "parameters of type " + Signatures.typeName(type) + " cannot be given as text");
    }

    /**
     * Parses an integer {@code bits} wide (8, 16, 32 or 64) in the same syntax as an i32 or i64,
     * signed or unsigned range; returns its two's-complement bits in the low {@code bits} bits.
     */
    public static long parseInteger(String text, int bits) {
        long value = parseInteger(text, text.strip().replace("_", ""), bits);
        return bits == 64 ? value : value & ((1L << bits) - 1);
    }

    /** Prints a raw value of {@code type}: i32/i64 as signed decimal, floats in shortest form. */
    public static String format(long raw, ValType type) {
        int op = type.opcode();
        if (op == ValType.ID.I32) {
            return Integer.toString((int) raw);
        } else if (op == ValType.ID.I64) {
            return Long.toString(raw);
        } else if (op == ValType.ID.F32) {
            int bits = (int) raw;
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f)) {
                return nan(bits & 0x7F_FFFF, 0x40_0000, bits < 0);
            }
            return finite(Float.toString(f));
        } else if (op == ValType.ID.F64) {
            double d = Double.longBitsToDouble(raw);
            if (Double.isNaN(d)) {
                return nan(raw & 0xF_FFFF_FFFF_FFFFL, 0x8_0000_0000_0000L, raw < 0);
            }
            return finite(Double.toString(d));
        } else if (type.isReference()) {
            return raw == Value.REF_NULL_VALUE ? "null" : "ref " + raw;
        }
        return "0x" + Long.toHexString(raw);
    }

    private static String nan(long payload, long canonical, boolean negative) {
        String sign = negative ? "-" : "";
        return payload == canonical ? sign + "nan" : sign + "nan:0x" + Long.toHexString(payload);
    }

    private static String finite(String javaText) {
        return switch (javaText) {
            case "Infinity" -> "inf";
            case "-Infinity" -> "-inf";
            default -> javaText.replace('E', 'e');
        };
    }

    private static long parseInteger(String original, String t, int bits) {
        boolean negative = t.startsWith("-");
        String body = (negative || t.startsWith("+")) ? t.substring(1) : t;
        BigInteger value;
        try {
            if (body.startsWith("0x") || body.startsWith("0X")) {
                value = new BigInteger(body.substring(2), 16);
            } else {
                if (body.isEmpty() || !Character.isDigit(body.charAt(0))) {
                    throw new NumberFormatException();
                }
                value = new BigInteger(body);
            }
        } catch (NumberFormatException e) {
            throw new ValueSyntaxException("`" + original + "` is not an i" + bits + " (expected a decimal or 0x hex integer)");
        }
        if (negative) {
            value = value.negate();
        }
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger maxUnsigned = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (value.compareTo(min) < 0 || value.compareTo(maxUnsigned) > 0) {
            throw new ValueSyntaxException(
                    "`" + original + "` is out of range for i" + bits + " (" + min + " to " + maxUnsigned + ")");
        }
        return value.signum() < 0 ? value.add(TWO_64).longValue() : value.longValue();
    }

    private static float parseF32(String original, String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = (negative || lower.startsWith("+")) ? lower.substring(1) : lower;
        if (body.startsWith("nan")) {
            int payload = (int) nanPayload(original, body, 0x40_0000L, 0x7F_FFFFL, "f32");
            int bits = 0x7F80_0000 | payload | (negative ? 0x8000_0000 : 0);
            return Float.intBitsToFloat(bits);
        }
        if (body.equals("inf") || body.equals("infinity")) {
            return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        try {
            return Float.parseFloat(hexFloat(t));
        } catch (NumberFormatException e) {
            throw new ValueSyntaxException("`" + original + "` is not an f32 (expected e.g. 1.5, 0x1p-3, inf or nan)");
        }
    }

    private static double parseF64(String original, String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = (negative || lower.startsWith("+")) ? lower.substring(1) : lower;
        if (body.startsWith("nan")) {
            long payload = nanPayload(original, body, 0x8_0000_0000_0000L, 0xF_FFFF_FFFF_FFFFL, "f64");
            long bits = 0x7FF0_0000_0000_0000L | payload | (negative ? Long.MIN_VALUE : 0);
            return Double.longBitsToDouble(bits);
        }
        if (body.equals("inf") || body.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(hexFloat(t));
        } catch (NumberFormatException e) {
            throw new ValueSyntaxException("`" + original + "` is not an f64 (expected e.g. 1.5, 0x1p-3, inf or nan)");
        }
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
                // fall through to the error below
            }
        }
        throw new ValueSyntaxException("`" + original + "` is not a valid " + type + " NaN (expected nan or nan:0x<payload>)");
    }

    /** Java needs a binary exponent in hex floats; the text format allows leaving it out. */
    private static String hexFloat(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.contains("0x") && !lower.contains("p")) {
            return t + "p0";
        }
        return t;
    }
}
