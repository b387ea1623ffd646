package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wasmrun.ValType;
import io.wasmrun.text.wast.WastValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMatcherTest {

    @Test
    void integersCompareBitsWhateverTheSpelling() {
        assertNull(ResultMatcher.mismatch(List.of(WastValue.scalar("i32", "4294967295")), new long[] {-1L}, List.of(ValType.I32)));
        assertNull(ResultMatcher.mismatch(List.of(WastValue.scalar("i64", "18446744073709551615")), new long[] {-1L}, List.of(ValType.I64)));
        assertEquals(
                "expected (i32 -1), got (i32 1)",
                ResultMatcher.mismatch(List.of(WastValue.scalar("i32", "4294967295")), new long[] {1L}, List.of(ValType.I32)));
    }

    @Test
    void nanPatterns() {
        long canonical = 0x7FC0_0000L;
        long negativeCanonical = 0xFFC0_0000L;
        long arithmetic = 0x7FC0_0001L;
        long signalling = 0x7FA0_0000L;
        List<ValType> f32 = List.of(ValType.F32);
        var canonicalNan = List.of(WastValue.scalar("f32", "nan:canonical"));
        var arithmeticNan = List.of(WastValue.scalar("f32", "nan:arithmetic"));

        assertNull(ResultMatcher.mismatch(canonicalNan, new long[] {canonical}, f32));
        assertNull(ResultMatcher.mismatch(canonicalNan, new long[] {negativeCanonical}, f32));
        assertEquals(
                "expected (f32 nan:canonical), got (f32 nan:0x400001)",
                ResultMatcher.mismatch(canonicalNan, new long[] {arithmetic}, f32));
        assertNull(ResultMatcher.mismatch(arithmeticNan, new long[] {arithmetic}, f32));
        assertEquals(
                "expected (f32 nan:arithmetic), got (f32 nan:0x200000)",
                ResultMatcher.mismatch(arithmeticNan, new long[] {signalling}, f32));
        assertNull(ResultMatcher.mismatch(
                List.of(WastValue.scalar("f64", "nan:arithmetic")), new long[] {0xFFF8_0000_0000_0001L}, List.of(ValType.F64)));
    }

    @Test
    void eitherMatchesAnyAlternative() {
        var oneOrTwo = List.of(WastValue.either(List.of(WastValue.scalar("i32", "1"), WastValue.scalar("i32", "2"))));

        assertNull(ResultMatcher.mismatch(oneOrTwo, new long[] {2L}, List.of(ValType.I32)));
        assertEquals(
                "expected (either (i32 1, i32 2)), got (i32 3)",
                ResultMatcher.mismatch(oneOrTwo, new long[] {3L}, List.of(ValType.I32)));
    }

    @Test
    void floatsCompareBitsSoSignedZerosDiffer() {
        long negativeZero = 0x8000_0000L;
        assertEquals(
                "expected (f32 0.0), got (f32 -0.0)",
                ResultMatcher.mismatch(List.of(WastValue.scalar("f32", "0")), new long[] {negativeZero}, List.of(ValType.F32)));
    }

    @Test
    void v128ComparesLanes() {
        long[] raw = ValueCodec.v128(WastValue.vector("i8", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "255")));
        assertArrayEquals(new long[] {0x0706050403020100L, 0xFF0E0D0C0B0A0908L}, raw);
        var asI16 = WastValue.vector("i16", List.of("256", "770", "1284", "1798", "2312", "2826", "3340", "65294"));
        assertNull(ResultMatcher.mismatch(List.of(asI16), raw, List.of(ValType.V128)));
        var wrong = WastValue.vector("i64", List.of("0", "0"));
        assertEquals(
                "expected (v128 i64x2 0 0), got (v128 i32x4 0x03020100 0x07060504 0x0b0a0908 0xff0e0d0c)",
                ResultMatcher.mismatch(List.of(wrong), raw, List.of(ValType.V128)));
    }

    @Test
    void floatLanesAcceptNanPatterns() {
        long low = 0x3F80_0000_7FC0_0000L;
        var expected = WastValue.vector("f32", List.of("nan:canonical", "1065353216", "0", "nan:arithmetic"));
        long high = 0x7FC0_0001_0000_0000L;
        assertNull(ResultMatcher.mismatch(List.of(expected), new long[] {low, high}, List.of(ValType.V128)));
    }

    @Test
    void references() {
        List<ValType> externref = List.of(ValType.EXTERNREF);
        assertNull(ResultMatcher.mismatch(List.of(WastValue.scalar("externref", "null")), new long[] {-1L}, externref));
        assertNull(ResultMatcher.mismatch(List.of(WastValue.scalar("externref", "7")), new long[] {7L}, externref));
        assertNull(ResultMatcher.mismatch(List.of(WastValue.scalar("funcref", null)), new long[] {3L}, List.of(ValType.FUNCREF)));
        assertEquals(
                "expected (ref.extern 7), got (externref ref.null)",
                ResultMatcher.mismatch(List.of(WastValue.scalar("externref", "7")), new long[] {-1L}, externref));
        assertEquals(-1L, ValueCodec.scalar(WastValue.scalar("funcref", "null")));
    }

    @Test
    void resultCountsMustAgree() {
        assertEquals(
                "expected (i32 1), got ()",
                ResultMatcher.mismatch(List.of(WastValue.scalar("i32", "1")), new long[0], List.of()));
    }
}
