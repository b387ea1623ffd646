package io.wasmrun.runtime.engine;

/**
 * The float instructions Chicory 1.7.5's {@code OpcodeImpl} gets wrong, as the spec defines them,
 * for both engines:
 *
 * <ul>
 *   <li>{@code f32.convert_i64_u} and {@code f64.convert_i64_u} of a value of 2^63 or more round
 *       once, to nearest even. Chicory adds a rounding constant and shifts, which rounds up
 *       whenever a dropped bit is set: {@code 0x8000000000000001} became {@code 0x5f000001}
 *       instead of {@code 0x5f000000}, and {@code f64.convert_i64_u} of {@code -1024} became
 *       {@code 0x43efffffffffffff} instead of 2^64.
 *   <li>{@code min} and {@code max} with a NaN operand return the negative canonical NaN, as V8
 *       does (its out-of-line code computes 0/0). The spec allows any arithmetic NaN here; Java's
 *       {@code Math} returned the NaN operand unchanged, a signalling one included, and a payload
 *       that differs from V8's one, stored and read back as an integer, changed a program's path.
 *   <li>f64 {@code floor}, {@code ceil}, {@code trunc} and {@code nearest} of a signalling NaN
 *       return it quieted (payload kept, as x86's {@code roundsd} and V8 do).
 * </ul>
 *
 * <p>The methods with {@code OpcodeImpl}'s descriptors are what compiled code calls instead of
 * Chicory's (see {@code EngineCallRedirect}). The interpreter computes these instructions itself,
 * so {@link InterpreterChecks} changes their operands before it does: {@link #exactF32OfU64} and
 * {@link #exactF64OfU64} give an operand that Chicory's conversion turns into the right result,
 * {@link #canonicalF32Bits} and {@link #canonicalF64Bits} make a NaN operand of {@code min} and
 * {@code max} canonical, and the {@code quiet} methods quiet the operand of the roundings.
 */
public final class FloatOps {
    private static final int F32_NEGATIVE_CANONICAL_NAN = 0xFFC0_0000;
    private static final long F64_NEGATIVE_CANONICAL_NAN = 0xFFF8_0000_0000_0000L;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;
    private static final float TWO_TO_THE_64_F32 = 0x1p64f;
    private static final double TWO_TO_THE_64_F64 = 0x1p64;

    private FloatOps() {}

    /** {@code f32.convert_i64_u}: halving keeps the lowest bit as a sticky bit, so one rounding. */
    public static float f32ConvertI64U(long x) {
        if (x >= 0) {
            return x;
        }
        return ((x >>> 1) | (x & 1)) * 2.0f;
    }

    /** {@code f64.convert_i64_u}, rounded once as {@link #f32ConvertI64U} is. */
    public static double f64ConvertI64U(long x) {
        if (x >= 0) {
            return x;
        }
        return ((x >>> 1) | (x & 1)) * 2.0;
    }

    /**
     * An unsigned i64 whose value is exactly {@code f32.convert_i64_u(x)}, or 2^64 - 1 when that is
     * 2^64: any conversion, however it rounds, turns it into that result.
     */
    public static long exactF32OfU64(long x) {
        float result = f32ConvertI64U(x);
        return result == TWO_TO_THE_64_F32 ? -1L : ((long) (result / 2)) << 1;
    }

    /** Like {@link #exactF32OfU64}, for {@code f64.convert_i64_u}. */
    public static long exactF64OfU64(long x) {
        double result = f64ConvertI64U(x);
        return result == TWO_TO_THE_64_F64 ? -1L : ((long) (result / 2)) << 1;
    }

    public static float f32Min(float a, float b) {
        return a != a || b != b ? Float.intBitsToFloat(F32_NEGATIVE_CANONICAL_NAN) : Math.min(a, b);
    }

    public static float f32Max(float a, float b) {
        return a != a || b != b ? Float.intBitsToFloat(F32_NEGATIVE_CANONICAL_NAN) : Math.max(a, b);
    }

    public static double f64Min(double a, double b) {
        return a != a || b != b ? Double.longBitsToDouble(F64_NEGATIVE_CANONICAL_NAN) : Math.min(a, b);
    }

    public static double f64Max(double a, double b) {
        return a != a || b != b ? Double.longBitsToDouble(F64_NEGATIVE_CANONICAL_NAN) : Math.max(a, b);
    }

    public static double f64Floor(double x) {
        return quiet(Math.floor(x));
    }

    public static double f64Ceil(double x) {
        return quiet(Math.ceil(x));
    }

    public static double f64Trunc(double x) {
        return quiet(x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    public static double f64Nearest(double x) {
        return quiet(Math.rint(x));
    }

    /** {@code value}, with the quiet bit set if it is a NaN. */
    static double quiet(double value) {
        return value != value
                ? Double.longBitsToDouble(Double.doubleToRawLongBits(value) | F64_QUIET)
                : value;
    }

    /** The bits of an f32 operand (in the low 32 bits), the negative canonical NaN if it is a NaN. */
    public static long canonicalF32Bits(long bits) {
        return isF32NaN((int) bits) ? F32_NEGATIVE_CANONICAL_NAN & 0xFFFF_FFFFL : bits;
    }

    /** The bits of an f64 operand, the negative canonical NaN if it is a NaN. */
    public static long canonicalF64Bits(long bits) {
        return isF64NaN(bits) ? F64_NEGATIVE_CANONICAL_NAN : bits;
    }

    /** The bits of an f64 operand, with the quiet bit set if it is a NaN. */
    public static long quietF64Bits(long bits) {
        return isF64NaN(bits) ? (bits | F64_QUIET) : bits;
    }

    private static boolean isF32NaN(int bits) {
        return (bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x007F_FFFF) != 0;
    }

    private static boolean isF64NaN(long bits) {
        return (bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L && (bits & 0x000F_FFFF_FFFF_FFFFL) != 0;
    }
}
