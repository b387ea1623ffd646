package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.WasmRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ../shared/samples/compiler-fails-valid-module.wasm}, which Chicory's validator accepts
 * and its code generator fails on ({@code Types not empty: [I32]}): Chicory's code generation
 * leaves the functions it fails on to the interpreter and compiles the rest. The sample is in fact
 * malformed (function 13's body has no closing {@code end}; V8: "function body must end with
 * \"end\" opcode"), so wasmrun's own checks reject it at load in both engines; with its {@code
 * end} the function compiles.
 */
class UncompilableFunctionTest {
    private static final Path SAMPLE =
            Path.of(System.getProperty("wasm.testsuite", "../../shared/wasm-testsuite"))
                    .resolveSibling("samples")
                    .resolve("compiler-fails-valid-module.wasm");

    @Test
    void theFailingFunctionsAreInterpretedAndTheRestCompiled() throws Exception {
        assumeTrue(Files.exists(SAMPLE), "no " + SAMPLE + " (the shared samples): skipped");
        var module = Parser.parse(SAMPLE);
        var uncompilable = ChicoryCodegen.uncompilable(module);
        assertFalse(uncompilable.isEmpty(), "the sample has a function Chicory cannot compile");
        int defined = module.functionSection().functionCount();
        assertTrue(uncompilable.size() < defined, "only some functions are left to the interpreter");
        ClassJar jar = ChicoryCodegen.generate(module);
        assertEquals(uncompilable, jar.interpretedFunctions());
    }

    @Test
    void bothEnginesRejectTheSampleAsMalformed() {
        assumeTrue(Files.exists(SAMPLE), "no " + SAMPLE + " (the shared samples): skipped");
        for (Strategy engine : Strategy.values()) {
            try (var runtime = WasmRuntime.builder().withStrategy(engine).build()) {
                var error = assertThrows(ModuleLoadException.class, () -> runtime.load(SAMPLE));
                assertEquals(ModuleLoadException.Kind.MALFORMED, error.kind(), engine.cliName());
                assertEquals("compiler-fails-valid-module.wasm: malformed module: END opcode expected: the body of"
                        + " function 13 ends inside a block", error.getMessage());
            }
        }
    }
}
