package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.spectest.fuzz.Value.NanClass;
import org.junit.jupiter.api.Test;

class ValueTest {
    @Test
    void classifiesF32NaNsByTheirPayload() {
        assertEquals(NanClass.CANONICAL, Value.f32(0x7fc00000).nanClass());
        assertEquals(NanClass.CANONICAL, Value.f32(0xffc00000).nanClass(), "the sign does not matter");
        assertEquals(NanClass.ARITHMETIC, Value.f32(0x7fc00001).nanClass());
        assertEquals(NanClass.ARITHMETIC, Value.f32(0xffffffff).nanClass());
        assertEquals(NanClass.SIGNALLING, Value.f32(0x7fa00000).nanClass());
        assertEquals(NanClass.SIGNALLING, Value.f32(0xff800001).nanClass());
        assertEquals(NanClass.NONE, Value.f32(0x7f800000).nanClass(), "infinity");
        assertEquals(NanClass.NONE, Value.f32(0x3f800000).nanClass());
    }

    @Test
    void classifiesF64NaNsByTheirPayload() {
        assertEquals(NanClass.CANONICAL, Value.f64(0x7ff8000000000000L).nanClass());
        assertEquals(NanClass.CANONICAL, Value.f64(0xfff8000000000000L).nanClass());
        assertEquals(NanClass.ARITHMETIC, Value.f64(0x7ff8000000000001L).nanClass());
        assertEquals(NanClass.SIGNALLING, Value.f64(0x7ff4000000000000L).nanClass());
        assertEquals(NanClass.SIGNALLING, Value.f64(0x7ff0000000000001L).nanClass());
        assertEquals(NanClass.NONE, Value.f64(0xfff0000000000000L).nanClass(), "-infinity");
        assertEquals(NanClass.NONE, Value.i32(-1).nanClass(), "integers are never NaNs");
    }

    @Test
    void readsAndPrintsTheOracleTextForm() {
        assertEquals(Value.i32(-5), Value.parse("i32:-5"));
        assertEquals(Value.i64(Long.MIN_VALUE), Value.parse("i64:-9223372036854775808"));
        assertEquals(Value.f32(0xffc00000), Value.parse("f32:0xffc00000"));
        assertEquals(Value.f64(0x8000000000000000L), Value.parse("f64:0x8000000000000000"));
        assertEquals("f32:0x7fa00000", Value.f32(0x7fa00000).text());
        assertEquals("f64:0xfff8000000000000 (nan:canonical)", Value.f64(0xfff8000000000000L).describe());
        assertEquals("f32:0x3f800000 (1.0)", Value.f32(0x3f800000).describe());
        assertThrows(IllegalArgumentException.class, () -> Value.parse("f32:1.5"));
    }

    @Test
    void aV128IsItsHalvesAsOne128BitHexNumber() {
        Value v = Value.v128(0x0000000200000001L, 0x0000000400000003L);
        assertEquals("v128:0x00000004000000030000000200000001", v.text(), "lane 0 in the last digits");
        assertEquals(v, Value.parse("v128:0x00000004000000030000000200000001"));
        assertEquals(0x0000000200000001L, v.low());
        assertEquals(0x0000000400000003L, v.high());
        assertEquals(-1L, Value.parse("v128:0xffffffffffffffff0000000000000000").high());
        assertEquals("v128:0x7fc00000000000007ff8000000000000 (i32x4 0 2146959360 0 2143289344; f32x4 0.0 nan:arithmetic 0.0 nan:canonical;"
                + " f64x2 nan:canonical 2.247116418577895E307)", Value.v128(0x7ff8000000000000L, 0x7fc0000000000000L).describe(), "lane 0 first");
        assertThrows(IllegalArgumentException.class, () -> Value.parse("v128:0x1234"));
    }

    @Test
    void aV128ComparesPerFloatLane() {
        long f32Nans = 0x7fc000017fc00000L; // two quiet f32 NaNs
        for (NanRule rule : NanRule.values()) {
            assertTrue(rule.matches(Value.v128(f32Nans, 5), Value.v128(0xffc000007fc00123L, 5)), "f32x4 lanes: sign and payload");
            assertTrue(rule.matches(Value.v128(1, 0x7ff8000000000000L), Value.v128(1, 0xfff8000000000001L)), "an f64x2 lane");
            assertTrue(rule.matches(Value.v128(0x3f8000007fc00000L, 0), Value.v128(0x3f800000ffc00000L, 0)), "a NaN lane beside a number");
            assertFalse(rule.matches(Value.v128(0x3f8000007fc00000L, 0), Value.v128(0x3f800001ffc00000L, 0)), "the number lane differs");
            assertFalse(rule.matches(Value.v128(1, 2), Value.v128(2, 1)), "halves swapped");
            assertFalse(rule.matches(Value.v128(0, 0), Value.v128(0, 0x8000000000000000L)), "+0 and -0 differ in a lane");
            assertFalse(rule.matches(Value.v128(0x7fc00000L, 0), Value.i64(0x7fc00000L)), "types must match");
        }
        assertFalse(NanRule.QUIETNESS.matches(Value.v128(0x7fc00000L, 0), Value.v128(0x7f800001L, 0)), "quiet against signalling lane");
        assertTrue(NanRule.ANY.matches(Value.v128(0x7fc00000L, 0), Value.v128(0x7f800001L, 0)));
    }

    @Test
    void rawChicoryValuesKeepOnlyTheLow32BitsOfI32AndF32() {
        assertEquals(Value.i32(-1), Value.ofRaw("i32", 0xffffffffL));
        assertEquals(Value.i32(-1), Value.ofRaw("i32", -1L));
        assertEquals(Value.f32(0x7fc00000), Value.ofRaw("f32", 0x7fc00000L));
    }

    @Test
    void anyNanMatchesAnyNanUnderBinaryensRule() {
        assertTrue(NanRule.ANY.matches(Value.f32(0x7fc00000), Value.f32(0xff800001)));
        assertTrue(NanRule.ANY.matches(Value.f64(0x7ff8000000000000L), Value.f64(0xfff4000000000000L)));
        assertFalse(NanRule.ANY.matches(Value.f32(0x7fc00000), Value.f32(0x7f800000)), "a NaN is not infinity");
    }

    @Test
    void quietnessRuleIgnoresSignAndPayloadButNotTheSignallingBit() {
        assertTrue(NanRule.QUIETNESS.matches(Value.f32(0x7fc00000), Value.f32(0xffc00000)), "sign");
        assertTrue(NanRule.QUIETNESS.matches(Value.f32(0x7fc00000), Value.f32(0x7fc12345)), "canonical against arithmetic");
        assertTrue(NanRule.QUIETNESS.matches(Value.f32(0x7fa00000), Value.f32(0xff800001)), "signalling against signalling");
        assertFalse(NanRule.QUIETNESS.matches(Value.f32(0xffc00000), Value.f32(0xff800001)), "Chicory's f32.min keeping a signalling operand");
        assertFalse(NanRule.QUIETNESS.matches(Value.f64(0xfff8000000000000L), Value.f64(0x7ff4000000000000L)));
    }

    @Test
    void otherValuesCompareByBits() {
        for (NanRule rule : NanRule.values()) {
            assertFalse(rule.matches(Value.f32(0x00000000), Value.f32(0x80000000)), "+0 and -0 differ");
            assertFalse(rule.matches(Value.f32(0x5f7fffe0), Value.f32(0x5f7fffe1)), "one ulp");
            assertTrue(rule.matches(Value.f64(0x3ff0000000000000L), Value.f64(0x3ff0000000000000L)));
            assertFalse(rule.matches(Value.i32(1), Value.i64(1)), "types must match");
            assertFalse(rule.matches(Value.i32(1), Value.i32(2)));
            assertFalse(rule.matches(Value.f32(0x7fc00000), Value.i32(0x7fc00000)), "a NaN's bits as an integer are an integer");
        }
    }
}
