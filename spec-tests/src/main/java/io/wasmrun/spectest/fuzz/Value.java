package io.wasmrun.spectest.fuzz;

import java.util.Locale;

/**
 * A raw wasm number as both oracles report it: its type and its bits (i32 and f32 in the low 32
 * bits). Text form, shared with the node oracle: {@code i32:-5}, {@code i64:-5},
 * {@code f32:0x7fc00000}, {@code f64:0x7ff8000000000000}, {@code v128:0x<32 hex digits>} (the
 * 128-bit number, so lane 0 is the last digits; {@code bits} holds the low half); anything else (a
 * reference) is kept as opaque text.
 *
 * @param type {@code i32}, {@code i64}, {@code f32}, {@code f64}, or another type name
 * @param bits the raw bits; 0 for an opaque value
 * @param text the text form
 */
public record Value(String type, long bits, String text) {

    /** How a NaN's bits are classified: the spec's canonical and arithmetic NaNs, and the rest. */
    public enum NanClass {
        /** Not a NaN. */
        NONE,
        /** Only the quiet bit of the payload set (any sign): what the spec's {@code nan:canonical} matches. */
        CANONICAL,
        /** Quiet bit set and more payload bits: an arithmetic NaN that is not canonical. */
        ARITHMETIC,
        /** Quiet bit clear: only loads, constants, reinterpretations and sign operations make these. */
        SIGNALLING;

        boolean isQuiet() {
            return this == CANONICAL || this == ARITHMETIC;
        }
    }

    public static Value i32(int v) {
        return new Value("i32", v & 0xFFFF_FFFFL, "i32:" + v);
    }

    public static Value i64(long v) {
        return new Value("i64", v, "i64:" + v);
    }

    public static Value f32(int bits) {
        return new Value("f32", bits & 0xFFFF_FFFFL, String.format("f32:0x%08x", bits));
    }

    public static Value f64(long bits) {
        return new Value("f64", bits, String.format("f64:0x%016x", bits));
    }

    /** A v128 from its two i64 halves, low (bytes 0-7, lane 0 in the lowest bits) first. */
    public static Value v128(long low, long high) {
        return new Value("v128", low, String.format("v128:0x%016x%016x", high, low));
    }

    /** The low half (bytes 0-7) of a v128. */
    public long low() {
        return bits;
    }

    /** The high half (bytes 8-15) of a v128; 0 for any other value. */
    public long high() {
        return type.equals("v128") ? Long.parseUnsignedLong(text.substring(7, 23), 16) : 0;
    }

    /** The value of {@code type} held in Chicory's raw {@code long} encoding. */
    public static Value ofRaw(String type, long raw) {
        return switch (type) {
            case "i32" -> i32((int) raw);
            case "i64" -> i64(raw);
            case "f32" -> f32((int) raw);
            case "f64" -> f64(raw);
            default -> new Value(type, 0, type + ":" + raw);
        };
    }

    /** Reads the text form. */
    public static Value parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Value("?", 0, text);
        }
        String type = text.substring(0, colon);
        String value = text.substring(colon + 1);
        try {
            return switch (type) {
                case "i32" -> i32(Integer.parseInt(value));
                case "i64" -> i64(Long.parseLong(value));
                case "f32" -> f32(Integer.parseUnsignedInt(hex(value), 16));
                case "f64" -> f64(Long.parseUnsignedLong(hex(value), 16));
                case "v128" -> {
                    String digits = hex(value);
                    if (digits.length() != 32) {
                        throw new NumberFormatException("v128 bits must be 32 hex digits: " + value);
                    }
                    yield v128(Long.parseUnsignedLong(digits.substring(16), 16), Long.parseUnsignedLong(digits.substring(0, 16), 16));
                }
                default -> new Value(type, 0, text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a value: " + text, e);
        }
    }

    private static String hex(String value) {
        if (!value.startsWith("0x")) {
            throw new NumberFormatException("float bits must be 0x hex: " + value);
        }
        return value.substring(2);
    }

    public boolean isFloat() {
        return type.equals("f32") || type.equals("f64");
    }

    /** The NaN class of a float; {@link NanClass#NONE} for a non-NaN or a non-float. */
    public NanClass nanClass() {
        if (type.equals("f32")) {
            int b = (int) bits;
            if ((b & 0x7F80_0000) != 0x7F80_0000 || (b & 0x007F_FFFF) == 0) {
                return NanClass.NONE;
            }
            int payload = b & 0x007F_FFFF;
            return payload == 0x0040_0000 ? NanClass.CANONICAL : (payload & 0x0040_0000) != 0 ? NanClass.ARITHMETIC : NanClass.SIGNALLING;
        }
        if (type.equals("f64")) {
            long exponent = 0x7FF0_0000_0000_0000L;
            long mantissa = 0x000F_FFFF_FFFF_FFFFL;
            long quiet = 0x0008_0000_0000_0000L;
            if ((bits & exponent) != exponent || (bits & mantissa) == 0) {
                return NanClass.NONE;
            }
            long payload = bits & mantissa;
            return payload == quiet ? NanClass.CANONICAL : (payload & quiet) != 0 ? NanClass.ARITHMETIC : NanClass.SIGNALLING;
        }
        return NanClass.NONE;
    }

    public boolean isNan() {
        return nanClass() != NanClass.NONE;
    }

    /**
     * A readable form for reports: {@code f32:0x3f800000 (1.0)}, {@code f32:0x7fa00000 (nan:signalling)};
     * a v128 with its lanes as i32x4, f32x4 and f64x2 (lane 0 first).
     */
    public String describe() {
        return switch (type) {
            case "v128" -> {
                long lo = low();
                long hi = high();
                int[] i32 = {(int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32)};
                StringBuilder s = new StringBuilder(text).append(" (i32x4");
                for (int lane : i32) {
                    s.append(' ').append(lane);
                }
                s.append("; f32x4");
                for (int lane : i32) {
                    s.append(' ').append(f32(lane).describe().replaceFirst("^f32:\\S+ \\((.*)\\)$", "$1"));
                }
                s.append("; f64x2 ").append(f64(lo).describe().replaceFirst("^f64:\\S+ \\((.*)\\)$", "$1"));
                s.append(' ').append(f64(hi).describe().replaceFirst("^f64:\\S+ \\((.*)\\)$", "$1"));
                yield s.append(')').toString();
            }
            case "f32" -> text + " (" + (isNan() ? "nan:" + nanClass().name().toLowerCase(Locale.ROOT) : Float.toString(Float.intBitsToFloat((int) bits))) + ")";
            case "f64" -> text + " (" + (isNan() ? "nan:" + nanClass().name().toLowerCase(Locale.ROOT) : Double.toString(Double.longBitsToDouble(bits))) + ")";
            default -> text;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
