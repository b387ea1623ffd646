package io.wasmrun.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.OpCode;
import io.wasmrun.text.Wat;
import org.junit.jupiter.api.Test;

/**
 * Block types naming a type index Chicory 1.7.5 misreads are rewritten to name a copy of the
 * type; the copy's index skips indices Chicory would misread too, and may need a longer LEB128.
 */
class BlockTypeIndicesTest {
    private static final String BODIES = """
              (func (export "pair") (result i32)
                block (type 64)
                  i32.const 40
                  i32.const 2
                end
                i32.add)
              (func (export "next") (result i32) i32.const 1)""";

    @Test
    void aModuleOf64TypesOrFewerIsNotRewritten() {
        byte[] binary = Wat.toBinary("(module (type (func)) (func block (type 0) end))", "t");
        assertNull(BlockTypeIndices.rewrite(binary));
    }

    @Test
    void theCopySkipsIndicesChicoryMisreadsToo() {
        // types 0..98, so 99 (0x63) and 100 (0x64) are fillers and the copy of type 64 is 101
        WasmModule module = BlockTypeIndices.parse(module(99));
        assertEquals(102, module.typeSection().subTypeCount());
        assertEquals(101, blockType(module));
    }

    @Test
    void aCopyPastIndex8191MakesTheBodyLonger() {
        WasmModule module = BlockTypeIndices.parse(module(8200));
        assertEquals(8200, blockType(module));
        assertEquals(2, module.codeSection().functionBodyCount());
    }

    @Test
    void anInvalidBodyStaysInvalid() {
        byte[] binary = module(65, "(func (result i32) block (type 64) i32.const 1 end i32.add)");
        assertThrows(InvalidException.class, () -> BlockTypeIndices.parse(binary));
    }

    private static long blockType(WasmModule module) {
        return module.codeSection().getFunctionBody(0).instructions().stream()
                .filter(i -> i.opcode() == OpCode.BLOCK)
                .findFirst()
                .orElseThrow()
                .operand(0);
    }

    /** A module of {@code types} types, type 64 () -> (i32 i32), and {@link #BODIES}. */
    private static byte[] module(int types) {
        return module(types, BODIES);
    }

    private static byte[] module(int types, String functions) {
        var text = new StringBuilder("(module\n");
        for (int i = 0; i < types; i++) {
            text.append(i == 64 ? "(type (func (result i32 i32)))\n" : "(type (func (result i32)))\n");
        }
        text.append(functions).append(")");
        return Wat.toBinary(text.toString(), "t");
    }
}
