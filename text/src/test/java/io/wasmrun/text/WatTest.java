package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WatTest {

    private static String hex(String wat) {
        return HexFormat.of().formatHex(Wat.toBinary(wat, "t.wat"));
    }

    @Test
    void encodesFunctionWithNamedLocalsAndLabels() {
        String wat = """
                (module
                  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
                    (local $t i32)
                    (block $out (br_if $out (i32.eqz (local.get $a))))
                    (i32.add (local.get $a) (local.get $b))))
                """;
        assertEquals("0061736d01000000"
                + "0107016002" + "7f7f017f"
                + "03020100"
                + "070701036164640000"
                + "0a13011101017f" + "0240200045" + "0d000b" + "200020016a0b", hex(wat));
    }

    @Test
    void bareFieldsQuoteAndBinaryFormsAgree() {
        byte[] plain = Wat.toBinary("(module (memory 1) (data (i32.const 0) \"hi\"))", "a.wat");
        assertArrayEquals(plain, Wat.toBinary("(memory 1) (data (i32.const 0) \"hi\")", "b.wat"));
        assertArrayEquals(plain, Wat.toBinary("(module quote \"(memory 1)\" \"(data (i32.const 0) \\\"hi\\\")\")", "c.wat"));
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, Wat.toBinary("(module binary \"\\00asm\\01\\00\\00\\00\")", "d.wat"));
    }

    @Test
    void implicitTypesAreAppendedInUseOrder() {
        String wat = "(module (type $v (func)) (func (param i64)) (func (call_indirect (param i32) (i32.const 0))) (table 1 funcref))";
        assertTrue(hex(wat).startsWith("0061736d01000000" + "010c03" + "6000006001" + "7e00" + "60017f00"));
    }

    @Test
    void errorsNameFileLineColumnAndToken() {
        TextFormatException e = assertThrows(TextFormatException.class,
                () -> Wat.toBinary("(module\n  (func (i32.frob)))", "bad.wat"));
        assertEquals("bad.wat:2:10: unknown operator \"i32.frob\"", e.getMessage());
        assertEquals(2, e.line());
        assertThrows(TextFormatException.class, () -> Wat.toBinary("(module (func $f) (func $f))", "dup.wat"));
        assertThrows(TextFormatException.class, () -> Wat.toBinary("(module (func br $nowhere))", "label.wat"));
        assertThrows(TextFormatException.class, () -> Wat.toBinary("(func) (import \"m\" \"f\" (func))", "order.wat"));
    }

    @Test
    void recognizesTextFiles() {
        assertTrue(Wat.looksLikeText(" \n(module)".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Wat.looksLikeText(";; comment".getBytes(StandardCharsets.UTF_8)));
        assertFalse(Wat.looksLikeText(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}));
        assertFalse(Wat.looksLikeText(new byte[0]));
    }
}
