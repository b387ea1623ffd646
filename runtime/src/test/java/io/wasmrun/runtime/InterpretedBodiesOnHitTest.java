package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.compile.DiskCompileCache;
import io.wasmrun.text.Wat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile-cache hit for classes that leave a function to Chicory's interpreter (too large for a
 * JVM method) decodes that function's body and no other ({@link SelectedBodies}), and the module
 * runs as on the miss that compiled it.
 */
class InterpretedBodiesOnHitTest {
    @TempDir Path dir;

    @Test
    void onlyTheInterpretedFunctionsBodyIsDecodedAndItRunsTheSame() {
        var text = new StringBuilder("(module (import \"env\" \"seven\" (func $seven (result i32))) (memory 1)\n");
        text.append("  (data (i32.const 0) \"\\01\\02\\03\\04\")\n");
        text.append("  (func (export \"small\") (param i32) (result i32) (i32.add (local.get 0) (call $seven)))\n");
        text.append("  (func (export \"big\") (param i32) (result i32) (local.get 0)\n");
        for (int i = 0; i < 9_000; i++) {
            text.append("    (i32.add (i32.load8_u (i32.and (local.get 0) (i32.const 3))))\n");
        }
        text.append("  )\n  (func (export \"after\") (result i32) (i32.const 42)))\n");
        byte[] bytes = Wat.toBinary(text.toString(), "big.wat");

        long[] miss = run(bytes, new LoadedModule[1]);
        LoadedModule[] hit = new LoadedModule[1];
        long[] again = run(bytes, hit);
        assertArrayEquals(miss, again);
        assertEquals(List.of(7L + 5, 1L + 9_000L * 2, 42L), Arrays.stream(again).boxed().toList());

        FunctionBody[] bodies = hit[0].wasm().codeSection().functionBodies();
        FunctionBody[] full = Parser.parse(bytes).codeSection().functionBodies();
        assertTrue(bodies[0].instructions().isEmpty(), "a compiled function's body is not decoded");
        assertTrue(bodies[2].instructions().isEmpty(), "a compiled function's body is not decoded");
        assertEquals(describe(full[1]), describe(bodies[1]), "the interpreted function's body is decoded as a full decode does");
    }

    /** Loads the module through the test's cache, stores the loaded module in {@code loaded[0]}, calls its exports. */
    private long[] run(byte[] bytes, LoadedModule[] loaded) {
        try (var runtime = WasmRuntime.builder()
                .withStrategy(Strategy.COMPILER)
                .withCompileCache(new DiskCompileCache(dir))
                .skipBodiesOnCacheHit(true)
                .build()) {
            loaded[0] = runtime.load("big.wasm", bytes);
            var linker = new Linker().define(new HostFunction(
                    "env", "seven", FunctionType.of(List.of(), List.of(ValType.I32)), (instance, args) -> new long[] {7}));
            try (var instance = runtime.instantiate(loaded[0], linker)) {
                return new long[] {instance.call("small", 5)[0], instance.call("big", 1)[0], instance.call("after")[0]};
            }
        }
    }

    /** A body's locals and its instructions' opcodes and operands (not their addresses). */
    private static String describe(FunctionBody body) {
        var out = new StringBuilder(body.localTypes().toString());
        for (var instruction : body.instructions()) {
            out.append(' ').append(instruction.opcode()).append(Arrays.toString(instruction.operands()));
        }
        return out.toString();
    }
}
