package io.wasmrun.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.text.Wat;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Modules Chicory 1.7.5's parser accepts although the spec rejects them are rejected by wasmrun's
 * checks, as malformed or invalid with the spec's words; the valid neighbours of each still load.
 */
class ModuleChecksTest {
    private static final int[] ONE_TYPE = {0x01, 0x04, 0x01, 0x60, 0x00, 0x00};

    @Test
    void namesMustBeUtf8() {
        byte[] export = binary(ONE_TYPE, section(0x03, 0x01, 0x00), section(0x07, 0x01, 0x01, 0xff, 0x00, 0x00),
                section(0x0a, 0x01, 0x02, 0x00, 0x0b));
        assertMalformed("malformed UTF-8 encoding: the name of export 0 is not valid UTF-8", export);

        // Chicory checks the first custom section's name only
        byte[] custom = binary(section(0x00, 0x01, 'a'), section(0x00, 0x02, 0xc0, 0xaf));
        assertMalformed("malformed UTF-8 encoding: the name of a custom section is not valid UTF-8", custom);

        assertChecked(text("""
                (module (import "m\u00e9" "\u00e9" (func)) (import "m" "t" (table 1 2 externref))
                  (import "m" "mem" (memory 1 2)) (import "m" "g" (global (mut funcref)))
                  (func (export "\u2192\ud83d\ude00")))"""));
    }

    @Test
    void theNameScannerSkipsImportDescriptorsToReachEveryName() {
        byte[] imports = binary(ONE_TYPE, section(0x02, 0x05,
                0x01, 'm', 0x01, 'f', 0x00, 0x00,                  // function of type 0
                0x01, 'm', 0x01, 't', 0x01, 0x70, 0x01, 0x00, 0x80, 0x01, // table funcref 0..128
                0x01, 'm', 0x01, 'n', 0x02, 0x00, 0x01,             // memory 1
                0x01, 'm', 0x01, 'g', 0x03, 0x63, 0x70, 0x00,       // global (ref null func)
                0x01, 'm', 0x02, 0xed, 0xa0, 0x02, 0x00, 0x00));   // a surrogate in the field name
        var error = assertThrows(MalformedException.class, () -> NameScanner.check(imports));
        assertEquals("malformed UTF-8 encoding: the field name of import 4 is not valid UTF-8", error.getMessage());
    }

    @Test
    void utf8IsCheckedAsRfc3629Says() {
        assertTrue(valid());
        assertTrue(valid('a', 0x7f));
        assertTrue(valid(0xc2, 0x80, 0xdf, 0xbf));
        assertTrue(valid(0xe0, 0xa0, 0x80, 0xed, 0x9f, 0xbf, 0xef, 0xbf, 0xbf));
        assertTrue(valid(0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf));
        assertFalse(valid(0x80), "a lone continuation byte");
        assertFalse(valid(0xc0, 0x80), "overlong 2-byte form");
        assertFalse(valid(0xe0, 0x9f, 0xbf), "overlong 3-byte form");
        assertFalse(valid(0xf0, 0x8f, 0xbf, 0xbf), "overlong 4-byte form");
        assertFalse(valid(0xed, 0xa0, 0x80), "a surrogate");
        assertFalse(valid(0xf4, 0x90, 0x80, 0x80), "above U+10FFFF");
        assertFalse(valid(0xf5, 0x80, 0x80, 0x80), "no such lead byte");
        assertFalse(valid(0xe2, 0x86), "truncated");
        assertFalse(valid(0xe2, 0x28, 0x92), "a second byte that does not continue");
        assertFalse(valid(0xe2, 0x86, 0x28), "a third byte that does not continue");
    }

    @Test
    void aBodyMustCloseItsBlockAtItsLastInstruction() {
        // block end, without the function's own end
        assertMalformed("END opcode expected: the body of function 0 ends inside a block", oneBody(0x02, 0x40, 0x0b));
        assertMalformed("END opcode expected: the body of function 0 ends inside a block",
                oneBody(0x02, 0x40, 0x03, 0x40, 0x0b, 0x0b));
        assertChecked(oneBody(0x02, 0x40, 0x0b, 0x0b));
    }

    @Test
    void aMalformedBodyWinsOverAnInvalidOneBeforeIt() {
        // function 0: ref.func 1 drop end (undeclared); function 1: block end (no final end)
        byte[] module = binary(ONE_TYPE, section(0x03, 0x02, 0x00, 0x00),
                section(0x0a, 0x02, 0x05, 0x00, 0xd2, 0x01, 0x1a, 0x0b, 0x04, 0x00, 0x02, 0x40, 0x0b));
        assertMalformed("END opcode expected: the body of function 1 ends inside a block", module);
    }

    @Test
    void indicesOutsideBodiesMustBeInTheirSpace() {
        assertInvalid("unknown function 5: export 0 names it", text("(module (func) (export \"f\" (func 5)))"));
        assertInvalid("unknown table 0: export 0 names it", text("(module (export \"t\" (table 0)))"));
        assertInvalid("unknown memory 1: export 1 names it",
                text("(module (memory 1) (export \"m\" (memory 0)) (export \"n\" (memory 1)))"));
        assertInvalid("unknown global 0: export 0 names it", text("(module (export \"g\" (global 0)))"));
        assertInvalid("unknown function 5: element segment 0 names it", text("(module (func) (elem func 0 5))"));
        assertInvalid("unknown function 2: element segment 1 names it",
                text("(module (func) (elem func 0) (elem funcref (ref.func 2)))"));
        assertChecked(text("""
                (module (import "m" "f" (func)) (func) (table 1 funcref) (memory 1) (global i32 (i32.const 0))
                  (export "f" (func 1)) (export "t" (table 0)) (export "m" (memory 0)) (export "g" (global 0))
                  (elem func 0 1))"""));
    }

    @Test
    void tableSizeMustNameATable() {
        assertInvalid("unknown table 1: table.size in function 0",
                text("(module (table 1 funcref) (func (drop (table.size 1))))"));
        assertChecked(text("(module (table 1 funcref) (func (drop (table.size 0))))"));
    }

    @Test
    void refFuncMustNameADeclaredFunction() {
        assertInvalid("undeclared function reference: ref.func 0 in function 1 (no export, element segment or"
                + " initializer declares it)", text("(module (func) (func (drop (ref.func 0))))"));
        assertInvalid("undeclared function reference: ref.func 0 in function 1 (no export, element segment or"
                + " initializer declares it)", text("(module (import \"m\" \"f\" (func)) (func (drop (ref.func 0))))"));
        for (String declaration : new String[] {
            "(export \"f\" (func 0))", "(elem func 0)", "(elem declare func 0)", "(elem funcref (ref.func 0))",
            "(table 1 funcref) (elem (i32.const 0) func 0)", "(global funcref (ref.func 0))",
        }) {
            assertChecked(text("(module (func) (func (drop (ref.func 0))) " + declaration + ")"));
        }
    }

    @Test
    void theRuntimeReportsTheChecksFailuresAsLoadFailures() {
        try (var runtime = WasmRuntime.builder().build()) {
            var error = assertThrows(ModuleLoadException.class, () -> runtime.load("b.wasm", oneBody(0x02, 0x40, 0x0b)));
            assertEquals(ModuleLoadException.Kind.MALFORMED, error.kind());
            assertEquals("b.wasm: malformed module: END opcode expected: the body of function 0 ends inside a block",
                    error.getMessage());
            var invalid = assertThrows(ModuleLoadException.class,
                    () -> runtime.load("r.wat", "(module (func) (func (drop (ref.func 0))))".getBytes()));
            assertEquals(ModuleLoadException.Kind.INVALID, invalid.kind());
        }
    }

    private static void assertMalformed(String message, byte[] module) {
        var error = assertThrows(MalformedException.class, () -> ModuleChecks.check(module, Parser.parse(module)));
        assertEquals(message, error.getMessage());
    }

    private static void assertInvalid(String message, byte[] module) {
        var error = assertThrows(InvalidException.class, () -> ModuleChecks.check(module, Parser.parse(module)));
        assertEquals(message, error.getMessage());
    }

    /** Chicory accepts {@code module} and so do the checks. */
    private static void assertChecked(byte[] module) {
        try {
            var decoded = Parser.parse(module);
            assertDoesNotThrow(() -> ModuleChecks.check(module, decoded));
        } catch (ChicoryException e) {
            throw new AssertionError("Chicory rejects the valid module: " + e.getMessage(), e);
        }
    }

    private static boolean valid(int... bytes) {
        byte[] name = toBytes(bytes);
        return Utf8.isValid(name, 0, name.length);
    }

    private static byte[] text(String wat) {
        return Wat.toBinary(wat, "test.wat");
    }

    /** A module of one function, type () -> (), whose body after a local count of 0 is {@code code}. */
    private static byte[] oneBody(int... code) {
        int[] body = new int[code.length + 3];
        body[0] = 0x01;
        body[1] = code.length + 1;
        System.arraycopy(code, 0, body, 3, code.length);
        return binary(ONE_TYPE, section(0x03, 0x01, 0x00), section(0x0a, body));
    }

    /** A section: {@code id}, the content's size, the content. */
    private static int[] section(int id, int... content) {
        int[] section = new int[content.length + 2];
        section[0] = id;
        section[1] = content.length;
        System.arraycopy(content, 0, section, 2, content.length);
        return section;
    }

    private static byte[] binary(int[]... sections) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        for (int[] section : sections) {
            out.writeBytes(toBytes(section));
        }
        return out.toByteArray();
    }

    private static byte[] toBytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
