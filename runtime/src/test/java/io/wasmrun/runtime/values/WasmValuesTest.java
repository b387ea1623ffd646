package io.wasmrun.runtime.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.types.ValType;
import com.dylibso.chicory.wasm.types.Value;
import org.junit.jupiter.api.Test;

class WasmValuesTest {

    @Test
    void i32AcceptsSignedUnsignedAndHex() {
        assertEquals(0xFFFF_FFFFL, WasmValues.parse("-1", ValType.I32));
        assertEquals(0xFFFF_FFFFL, WasmValues.parse("4294967295", ValType.I32));
        assertEquals(0xFFFF_FFFFL, WasmValues.parse("0xffffffff", ValType.I32));
        assertEquals(0x8000_0000L, WasmValues.parse("-2147483648", ValType.I32));
        assertEquals(1_000_000L, WasmValues.parse("1_000_000", ValType.I32));
        assertEquals("-1", WasmValues.format(0xFFFF_FFFFL, ValType.I32));
    }

    @Test
    void narrowIntegersKeepTheirBitsInTheLowBitsOfTheirWidth() {
        assertEquals(0xFFL, WasmValues.parseInteger("-1", 8));
        assertEquals(0x80L, WasmValues.parseInteger("-128", 8));
        assertEquals(0xFFFFL, WasmValues.parseInteger("0xffff", 16));
        assertEquals(-1L, WasmValues.parseInteger("-1", 64));
        assertEquals("`256` is out of range for i8 (-128 to 255)",
                assertThrows(ValueSyntaxException.class, () -> WasmValues.parseInteger("256", 8)).getMessage());
        assertEquals("`-32769` is out of range for i16 (-32768 to 65535)",
                assertThrows(ValueSyntaxException.class, () -> WasmValues.parseInteger("-32769", 16)).getMessage());
    }

    @Test
    void i32RejectsOutOfRangeAndGarbage() {
        var tooBig = assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("4294967296", ValType.I32));
        assertTrue(tooBig.getMessage().contains("-2147483648 to 4294967295"), tooBig.getMessage());
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("-2147483649", ValType.I32));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("12abc", ValType.I32));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("", ValType.I32));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("1.5", ValType.I32));
    }

    @Test
    void i64CoversTheFullUnsignedRange() {
        assertEquals(-1L, WasmValues.parse("18446744073709551615", ValType.I64));
        assertEquals(Long.MIN_VALUE, WasmValues.parse("-9223372036854775808", ValType.I64));
        assertEquals(Long.MIN_VALUE, WasmValues.parse("0x8000000000000000", ValType.I64));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("18446744073709551616", ValType.I64));
        assertEquals("-9223372036854775808", WasmValues.format(Long.MIN_VALUE, ValType.I64));
    }

    @Test
    void floatsAcceptDecimalHexInfinityAndNan() {
        assertEquals(Float.floatToRawIntBits(1.5f), WasmValues.parse("1.5", ValType.F32));
        assertEquals(Float.floatToRawIntBits(0.125f), WasmValues.parse("0x1p-3", ValType.F32));
        assertEquals(Float.floatToRawIntBits(Float.NEGATIVE_INFINITY) & 0xFFFF_FFFFL, WasmValues.parse("-inf", ValType.F32));
        assertEquals(0x7FC0_0000L, WasmValues.parse("nan", ValType.F32));
        assertEquals(0x7F80_0001L, WasmValues.parse("nan:0x1", ValType.F32));
        assertEquals(0xFFC0_0000L, WasmValues.parse("-nan", ValType.F32));
        assertEquals(Double.doubleToRawLongBits(10.0), WasmValues.parse("0xA", ValType.F64));
        assertEquals(0x7FF8_0000_0000_0000L, WasmValues.parse("nan", ValType.F64));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("nan:0x0", ValType.F32));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("nan:0x800000", ValType.F32));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("one", ValType.F64));
    }

    @Test
    void floatsPrintInTheTextFormatsSpelling() {
        assertEquals("5.0", WasmValues.format(Double.doubleToRawLongBits(5.0), ValType.F64));
        assertEquals("1.0e10", WasmValues.format(Double.doubleToRawLongBits(1e10), ValType.F64));
        assertEquals("-inf", WasmValues.format(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), ValType.F64));
        assertEquals("nan", WasmValues.format(0x7FC0_0000L, ValType.F32));
        assertEquals("nan:0x1", WasmValues.format(0x7F80_0001L, ValType.F32));
        assertEquals("-nan", WasmValues.format(0xFFF8_0000_0000_0000L, ValType.F64));
    }

    @Test
    void referencesAcceptOnlyNull() {
        assertEquals(Value.REF_NULL_VALUE, WasmValues.parse("null", ValType.FuncRef));
        assertEquals("null", WasmValues.format(Value.REF_NULL_VALUE, ValType.ExternRef));
        assertThrows(ValueSyntaxException.class, () -> WasmValues.parse("3", ValType.ExternRef));
    }
}
