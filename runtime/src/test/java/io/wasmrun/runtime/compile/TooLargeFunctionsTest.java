package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.text.Wat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Functions too large for a JVM method: {@link MethodSizeEstimate} names those whose code cannot
 * fit before Chicory's pass, and one it misses is found by the failure Chicory reports for it, so
 * either way {@link ChicoryCodegen} leaves exactly the functions that do not fit to the
 * interpreter and compiles the rest.
 */
class TooLargeFunctionsTest {
    @Test
    void aFunctionOverTheEstimateIsNamedBeforeThePassAndInterpreted() {
        // 9,000 x (local.get; i32.load8_u; i32.add): 54 KB of code, 99 KB of bytecode
        WasmModule module = module("big", 9_000, "(i32.add (i32.load8_u (local.get 0)))");
        assertTrue(MethodSizeEstimate.codeBytes(module.codeSection().getFunctionBody(1)) > MethodSizeEstimate.LIMIT);
        assertEquals(Set.of(1), MethodSizeEstimate.tooLarge(module));
        assertEquals(Set.of(1), ChicoryCodegen.generate(module).interpretedFunctions());
    }

    @Test
    void aFunctionTheEstimateMissesIsFoundByItsFailureAndInterpreted() {
        // a two-byte call becomes 8 bytes of bytecode: 20 KB of code, 80 KB of bytecode
        WasmModule module = module("calls", 10_000, "(call 0)");
        assertTrue(MethodSizeEstimate.tooLarge(module).isEmpty(), "the estimate misses it");
        assertEquals(Set.of(1), ChicoryCodegen.generate(module).interpretedFunctions());
    }

    @Test
    void aFunctionNearTheLimitThatFitsIsCompiled() {
        // 12,000 x (i32.const 1000; i32.add): 48 KB of code, 48 KB of bytecode
        WasmModule module = module("fits", 12_000, "(i32.add (i32.const 1000))");
        assertTrue(MethodSizeEstimate.tooLarge(module).isEmpty());
        assertTrue(ChicoryCodegen.generate(module).interpretedFunctions().isEmpty());
    }

    @Test
    void smallFunctionsAreCompiled() {
        WasmModule module = module("small", 100, "(i32.add (i32.const 1000))");
        assertTrue(MethodSizeEstimate.tooLarge(module).isEmpty());
        assertTrue(ChicoryCodegen.generate(module).interpretedFunctions().isEmpty());
    }

    @Test
    void theFunctionIndexIsReadFromChicorysFailure() {
        var failure = new ChicoryException("WASM function size exceeds the Java method size limits and cannot be"
                + " compiled to Java bytecode. It can only be run in the interpreter. Either reduce the size of the"
                + " function or enable the interpreter fallback mode: WASM function index: 4711 (name: big)");
        assertEquals(4711, ChicoryCodegen.tooLargeFunction(failure));
        assertEquals(-1, ChicoryCodegen.tooLargeFunction(new ChicoryException("Types not empty: [I32]")));
        assertEquals(-1, ChicoryCodegen.tooLargeFunction(new ChicoryException("WASM function index: 3")));
    }

    /**
     * A module with a small function 0 and function 1, {@code name}, which folds {@code steps}
     * copies of {@code step} over its parameter.
     */
    private static WasmModule module(String name, int steps, String step) {
        var text = new StringBuilder("(module (memory 1)\n");
        text.append("  (func (export \"small\") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))\n");
        text.append("  (func (export \"").append(name).append("\") (param i32) (result i32) (local.get 0)\n");
        for (int i = 0; i < steps; i++) {
            text.append("    ").append(step).append('\n');
        }
        text.append("  ))\n");
        return Parser.parse(Wat.toBinary(text.toString(), name + ".wat"));
    }
}
