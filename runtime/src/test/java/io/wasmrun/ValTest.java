package io.wasmrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Val#text()}: a value alone in the text format's spelling, exact bits included. */
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
        assertEquals("0x000000000000000100000000000000ff", Val.v128(0xFF, 1).text());
        assertEquals("null", Val.nullRef(ValType.EXTERNREF).text());
        assertEquals("ref 3", Val.fromRaw(ValType.FUNCREF, 3).text());
    }
}
