package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.text.lexer.NumberLiterals;
import org.junit.jupiter.api.Test;

class NumberLiteralsTest {

    @Test
    void integersAcceptSignedAndUnsignedRanges() {
        assertEquals(0xFFFF_FFFFL, NumberLiterals.parseInt("4294967295", 32));
        assertEquals(0xFFFF_FFFFL, NumberLiterals.parseInt("-1", 32));
        assertEquals(0x8000_0000L, NumberLiterals.parseInt("-0x8000_0000", 32));
        assertEquals(-1L, NumberLiterals.parseInt("0xffff_ffff_ffff_ffff", 64));
        assertEquals(Long.MIN_VALUE, NumberLiterals.parseInt("-9223372036854775808", 64));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.parseInt("4294967296", 32));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.parseInt("-2147483649", 32));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.parseInt("18446744073709551616", 64));
    }

    @Test
    void floatsGiveBitPatterns() {
        assertEquals(0x3FC0_0000, NumberLiterals.parseF32("1.5"));
        assertEquals(0x4140_0000, NumberLiterals.parseF32("0x1.8p3"));
        assertEquals(0xFF80_0000, NumberLiterals.parseF32("-inf"));
        assertEquals(0x7FC0_0000, NumberLiterals.parseF32("nan"));
        assertEquals(0xFF80_0001, NumberLiterals.parseF32("-nan:0x1"));
        assertEquals(0x0000_0001, NumberLiterals.parseF32("0x1p-149"));
        assertEquals(0x7FF8_0000_0000_0000L, NumberLiterals.parseF64("+nan"));
        assertEquals(Double.doubleToRawLongBits(1e10), NumberLiterals.parseF64("1_0e0_9"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.parseF32("1e39"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.parseF32("nan:0x800000"));
        assertThrows(NumberFormatException.class, () -> NumberLiterals.parseF64("nan:0x0"));
    }
}
