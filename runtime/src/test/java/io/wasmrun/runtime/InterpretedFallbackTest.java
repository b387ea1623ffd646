package io.wasmrun.runtime;

import io.wasmrun.Strategy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.Trap;
import io.wasmrun.runtime.compile.CompileCache;
import io.wasmrun.runtime.compile.ModuleCompiler;
import io.wasmrun.text.Wat;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A function too large for one JVM method is left by Chicory's compiler to its interpreter; it
 * runs with wasmrun's interpreter checks too, so a store whose effective address is past 4 GiB
 * traps there as it does in compiled code (Chicory's interpreter wrapped it into the memory).
 */
class InterpretedFallbackTest {
    private static final int STORES = 8000;

    @Test
    void aFunctionTheCompilerLeavesToTheInterpreterTrapsOnAStorePast4GiB() {
        var text = new StringBuilder("(module (memory 1) (data (i32.const 16) \"\\aa\")\n");
        text.append("  (func (export \"big\") (param i32)\n");
        for (int i = 0; i < STORES; i++) {
            text.append("    (i32.store8 offset=0xFFFFFFF0 (local.get 0) (i32.const 7))\n");
        }
        text.append("  )\n  (func (export \"peek\") (result i32) (i32.load8_u (i32.const 16))))\n");
        byte[] source = text.toString().getBytes(StandardCharsets.UTF_8);

        var classes = new ModuleCompiler(CompileCache.NONE).compile(Parser.parse(Wat.toBinary(source, "big.wat")));
        assertEquals(Set.of(0), classes.interpretedFunctions(), "the big function runs on the interpreter");

        try (var runtime = WasmRuntime.builder().withStrategy(Strategy.COMPILER).build();
                var instance = runtime.instantiate(runtime.load("big.wat", source), new Linker())) {
            var trap = assertThrows(Trap.class, () -> instance.call("big", 0x20));
            assertEquals("out of bounds memory access", trap.reason());
            assertArrayEquals(new long[] {0xaa}, instance.call("peek"), "address 16 keeps its data");
        }
    }
}
