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
