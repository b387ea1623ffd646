package io.wasmrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link Val#text()} and {@link Val#parse}: a value alone in the text format's spelling, exact bits included. */
class ValTest {
    @Test
    void textSpellsValuesAsTheTextFormatDoes() {
        assertEquals("-1", Val.i32(-1).text());
        assertEquals("-9223372036854775808", Val.i64(Long.MIN_VALUE).text());
        assertEquals("-0.0", Val.f64(-0.0).text());
        assertEquals("1.5e-10", Val.f64(1.5e-10).text());
        assertEquals("-inf", Val.f32(Float.NEGATIVE_INFINITY).text());
        assertEquals("nan", Val.f32(Float.NaN).text());
        assertEquals("nan:0x1", Val.fromRaw(ValType.F32, 0x7F80_0001L).text());
        assertEquals("-nan:0x4", Val.fromRaw(ValType.F64, 0xFFF0_0000_0000_0004L).text());
        assertEquals("18446744073709551871", Val.v128(0xFF, 1).text());
        assertEquals("null", Val.nullRef(ValType.EXTERNREF).text());
        assertEquals("ref 3", Val.fromRaw(ValType.FUNCREF, 3).text());
    }

    @Test
    void parseReadsWhatTextWritesAndNamesWhatIsWrong() {
        assertEquals(Val.i32(-1), Val.parse(ValType.I32, "4294967295"));
        assertEquals(Val.i32(-1), Val.parse(ValType.I32, "-1"));
        assertEquals(Val.i64(0x1234_5678L), Val.parse(ValType.I64, "0x1234_5678"));
        assertEquals(0xFFF0_0000_0000_0004L, Val.parse(ValType.F64, "-nan:0x4").raw());
        assertEquals(Val.f32(-0.0f), Val.parse(ValType.F32, "-0.0"));
        assertTrue(Val.parse(ValType.FUNCREF, "null").isNull());
        for (Val v : List.of(Val.i32(7), Val.i64(Long.MIN_VALUE), Val.f32(1.5f), Val.fromRaw(ValType.F32, 0x7F80_0001L), Val.f64(-1e300))) {
            assertEquals(v, Val.parse(v.type(), v.text()), v.toString());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Val.parse(ValType.I32, "99999999999"));
        assertEquals("`99999999999` is out of range for i32 (-2147483648 to 4294967295)", e.getMessage());
    }

    @Test
    void v128TextIsTheUnsigned128BitIntegerInDecimalAsWasmtimePrintsIt() {
        assertEquals("0", Val.v128(0, 0).text());
        assertEquals("18446744073709551615", Val.v128(-1, 0).text());
        assertEquals("340282366920938463463374607431768211455", Val.v128(-1, -1).text());
        assertEquals("v128:316912650112397582603894390785", Val.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L).toString());
        for (Val v : List.of(Val.v128(0, 0), Val.v128(-1, -1), Val.v128(Long.MIN_VALUE, 1), Val.v128(5, Long.MIN_VALUE))) {
            assertEquals(v, Val.parse(ValType.V128, v.text()), v.toString());
        }
    }

    @Test
    void v128ParsesShapesWithLaneZeroInTheLowestBits() {
        Val ints = Val.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L);
        assertEquals(ints, Val.parse(ValType.V128, "i32x4 1 2 3 4"));
        assertEquals(ints, Val.parse(ValType.V128, "  I32X4\t1  2\n3 4 "));
        assertEquals(ints, Val.parse(ValType.V128, "0x00000004_00000003_00000002_00000001"));
        assertEquals(ints, Val.parse(ValType.V128, "0x400000003_00000002_00000001"));
        assertEquals(ints, Val.parse(ValType.V128, "i64x2 0x200000001 0x400000003"));
        assertEquals(ints, Val.parse(ValType.V128, "i16x8 1 0 2 0 3 0 4 0"));
        assertEquals(ints, Val.parse(ValType.V128, "i8x16 1 0 0 0 2 0 0 0 3 0 0 0 4 0 0 0"));
        assertEquals(Val.v128(0x0807_0605_0403_0201L, 0x100F_0E0D_0C0B_0A09L),
                Val.parse(ValType.V128, "i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"));
    }

    @Test
    void v128IntegerLanesAreSignedOrUnsignedWithinTheirWidth() {
        Val allOnes = Val.v128(-1, -1);
        assertEquals(allOnes, Val.parse(ValType.V128, "i8x16 -1 255 0xff -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1"));
        assertEquals(allOnes, Val.parse(ValType.V128, "i16x8 -1 65535 0xffff -1 -1 -1 -1 -1"));
        assertEquals(allOnes, Val.parse(ValType.V128, "i32x4 -1 4294967295 0xffff_ffff -1"));
        assertEquals(allOnes, Val.parse(ValType.V128, "i64x2 -1 18446744073709551615"));
        assertEquals(Val.v128(0x80, 0), Val.parse(ValType.V128, "i8x16 -128 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"));
        assertEquals(allOnes, Val.parse(ValType.V128, "0xffffffff_ffffffff_ffffffff_ffffffff"));
    }

    @Test
    void v128FloatLanesTakeTheTextFormatsSpellings() {
        long oneAndAHalf = Float.floatToRawIntBits(1.5f) & 0xFFFF_FFFFL;
        assertEquals(Val.v128(0x7FC0_0000L << 32 | oneAndAHalf, 0x8000_0000L << 32 | 0x7F80_0000L),
                Val.parse(ValType.V128, "f32x4 1.5 nan inf -0"));
        assertEquals(Val.v128(0xFF80_0001L << 32 | 0x3E00_0000L, 0),
                Val.parse(ValType.V128, "f32x4 0x1p-3 -nan:0x1 0 0"));
        assertEquals(Val.v128(Double.doubleToRawLongBits(-0.0), 0x7FF0_0000_0000_0004L),
                Val.parse(ValType.V128, "f64x2 -0.0 nan:0x4"));
        assertEquals(Val.v128(Double.doubleToRawLongBits(12.0), Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY)),
                Val.parse(ValType.V128, "f64x2 0x1.8p3 -inf"));
    }

    @Test
    void badV128TextIsOneLineNamingTheProblem() {
        assertEquals("`i32x4 1 2 3` is not a v128: i32x4 takes 4 lanes but 3 were given", v128Error("i32x4 1 2 3"));
        assertEquals("`f64x2 1 2 3` is not a v128: f64x2 takes 2 lanes but 3 were given", v128Error("f64x2\n1 2 3"));
        assertEquals("i8x16 lane 2: `256` is out of range for i8 (-128 to 255)", v128Error("i8x16 0 0 256 0 0 0 0 0 0 0 0 0 0 0 0 0"));
        assertEquals("i16x8 lane 0: `-32769` is out of range for i16 (-32768 to 65535)", v128Error("i16x8 -32769 0 0 0 0 0 0 0"));
        assertEquals("f32x4 lane 3: `x` is not an f32 (expected e.g. 1.5, 0x1p-3, inf or nan)", v128Error("f32x4 1 2 3 x"));
        assertEquals("`i32x3 1 2 3` is not a v128: unknown shape `i32x3` (expected i8x16, i16x8, i32x4, i64x2, f32x4, f64x2 and its lanes, or a 128-bit integer)",
                v128Error("i32x3 1 2 3"));
        assertEquals("`0x1_00000000_00000000_00000000_00000000` is out of range for v128 (an unsigned 128-bit integer, 0 to 2^128-1)",
                v128Error("0x1_00000000_00000000_00000000_00000000"));
        assertEquals("`-1` is out of range for v128 (an unsigned 128-bit integer, 0 to 2^128-1)", v128Error("-1"));
        assertEquals("`0xg` is not a v128 (expected a 0x hex or decimal integer, or a shape and its lanes, e.g. `i32x4 1 2 3 4`)", v128Error("0xg"));
        assertEquals("`` is not a v128 (expected a shape and its lanes, e.g. `i32x4 1 2 3 4`, or a 128-bit integer)", v128Error(""));
    }

    private static String v128Error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Val.parse(ValType.V128, text)).getMessage();
    }

    @Test
    void signaturesReadAsWasmrunsMessagesPrintThem() {
        var divmod = FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32, ValType.I32));
        assertEquals("divmod(i32, i32) -> (i32, i32)", divmod.signature("divmod"));
        assertEquals("fib(i64) -> f64", FuncType.of(List.of(ValType.I64), List.of(ValType.F64)).signature("fib"));
        assertEquals("_start()", FuncType.of(List.of(), List.of()).signature("_start"));
    }
}
