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
        assertEquals("0x000000000000000100000000000000ff", Val.v128(0xFF, 1).text());
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
        assertThrows(IllegalArgumentException.class, () -> Val.parse(ValType.V128, "0"));
    }

    @Test
    void signaturesReadAsWasmrunsMessagesPrintThem() {
        var divmod = FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32, ValType.I32));
        assertEquals("divmod(i32, i32) -> (i32, i32)", divmod.signature("divmod"));
        assertEquals("fib(i64) -> f64", FuncType.of(List.of(ValType.I64), List.of(ValType.F64)).signature("fib"));
        assertEquals("_start()", FuncType.of(List.of(), List.of()).signature("_start"));
    }
}
