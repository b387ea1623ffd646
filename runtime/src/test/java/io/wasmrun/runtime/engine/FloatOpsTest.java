package io.wasmrun.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.OpcodeImpl;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatOps} against independent references: the JDK's decimal parsers (correctly rounded)
 * for the conversions, and the bit patterns the spec defines for NaNs.
 */
class FloatOpsTest {
    /** Values of 2^63 and more around every rounding boundary the conversions have, and random ones. */
    private static LongStream unsignedAbove2To63() {
        LongStream edges = LongStream.of(
                0x8000_0000_0000_0000L, 0x8000_0000_0000_0001L, 0x8000_0080_0000_0000L,
                0x8000_0080_0000_0001L, 0x8000_017F_FFFF_FFFFL, 0x8000_0180_0000_0000L,
                0x8000_0000_0000_0400L, 0x8000_0000_0000_0401L, 0x8000_0000_0000_0C00L,
                0xFFFF_FF7F_FFFF_FFFFL, 0xFFFF_FF80_0000_0000L, 0xFFFF_FFFF_FFFF_FBFFL,
                0xFFFF_FFFF_FFFF_FC00L, -1L);
        var random = new SplittableRandom(15);
        LongStream randoms = LongStream.generate(() -> random.nextLong() | Long.MIN_VALUE).limit(200_000);
        return LongStream.concat(edges, randoms);
    }

    @Test
    void convertsUnsignedI64RoundingOnceToNearestEven() {
        unsignedAbove2To63().forEach(x -> {
            String decimal = Long.toUnsignedString(x);
            assertEquals(Float.parseFloat(decimal), FloatOps.f32ConvertI64U(x), decimal);
            assertEquals(Double.parseDouble(decimal), FloatOps.f64ConvertI64U(x), decimal);
        });
        for (long x : new long[] {0, 1, 0x7FFF_FFFF_FFFF_FFFFL, 0x0000_0100_0000_0001L}) {
            assertEquals(Float.parseFloat(Long.toString(x)), FloatOps.f32ConvertI64U(x));
            assertEquals(Double.parseDouble(Long.toString(x)), FloatOps.f64ConvertI64U(x));
        }
    }

    @Test
    void exactOperandsMakeChicorysConversionsRight() {
        unsignedAbove2To63().forEach(x -> {
            assertEquals(
                    Float.floatToRawIntBits(FloatOps.f32ConvertI64U(x)),
                    Float.floatToRawIntBits(OpcodeImpl.F32_CONVERT_I64_U(FloatOps.exactF32OfU64(x))),
                    Long.toUnsignedString(x));
            assertEquals(
                    Double.doubleToRawLongBits(FloatOps.f64ConvertI64U(x)),
                    Double.doubleToRawLongBits(OpcodeImpl.F64_CONVERT_I64_U(FloatOps.exactF64OfU64(x))),
                    Long.toUnsignedString(x));
        });
    }

    @Test
    void nanResultsAreQuiet() {
        float signalling32 = Float.intBitsToFloat(0x7F80_0001);
        double signalling64 = Double.longBitsToDouble(0xFFF0_0000_0000_0001L);
        assertQuiet(FloatOps.f64Floor(signalling64));
        assertQuiet(FloatOps.f64Ceil(signalling64));
        assertQuiet(FloatOps.f64Trunc(signalling64));
        assertQuiet(FloatOps.f64Nearest(signalling64));
        assertEquals(-2.0, FloatOps.f64Floor(-1.5));
        assertEquals(-1.0, FloatOps.f64Trunc(-1.5));
        assertEquals(-0.0f, FloatOps.f32Min(0.0f, -0.0f));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FloatOps.f64Ceil(-0.5)));
    }

    @Test
    void minAndMaxOfANaNAreTheNegativeCanonicalNaNAsInV8() {
        float payload32 = Float.intBitsToFloat(0x7FC0_0004);
        double payload64 = Double.longBitsToDouble(0xFFFF_FFFF_FFFF_FFA2L);
        assertEquals(0xFFC0_0000, Float.floatToRawIntBits(FloatOps.f32Min(payload32, 1)));
        assertEquals(0xFFC0_0000, Float.floatToRawIntBits(FloatOps.f32Max(-1, Float.intBitsToFloat(0x7F80_0001))));
        assertEquals(0xFFF8_0000_0000_0000L, Double.doubleToRawLongBits(FloatOps.f64Min(payload64, 0)));
        assertEquals(0xFFF8_0000_0000_0000L, Double.doubleToRawLongBits(FloatOps.f64Max(0, payload64)));
        assertEquals(0xFFC0_0000L, FloatOps.canonicalF32Bits(0x7F80_0001L));
        assertEquals(0x7F80_0000L, FloatOps.canonicalF32Bits(0x7F80_0000L), "infinity stays");
        assertEquals(0xFFF8_0000_0000_0000L, FloatOps.canonicalF64Bits(0x7FF8_0000_0000_0004L));
        assertEquals(0x3FF0_0000_0000_0000L, FloatOps.canonicalF64Bits(0x3FF0_0000_0000_0000L));
    }

    @Test
    void quietsOperandBitsOfNaNsOnly() {
        assertEquals(0x7FF8_0000_0000_0001L, FloatOps.quietF64Bits(0x7FF0_0000_0000_0001L));
        assertEquals(0xFFF0_0000_0000_0000L, FloatOps.quietF64Bits(0xFFF0_0000_0000_0000L), "-infinity stays");
        assertEquals(0x0008_0000_0000_0000L, FloatOps.quietF64Bits(0x0008_0000_0000_0000L), "a subnormal stays");
    }

    private static void assertQuiet(float value) {
        int bits = Float.floatToRawIntBits(value);
        assertTrue(Float.isNaN(value) && (bits & 0x0040_0000) != 0, Integer.toHexString(bits));
    }

    private static void assertQuiet(double value) {
        long bits = Double.doubleToRawLongBits(value);
        assertTrue(Double.isNaN(value) && (bits & 0x0008_0000_0000_0000L) != 0, Long.toHexString(bits));
    }
}
