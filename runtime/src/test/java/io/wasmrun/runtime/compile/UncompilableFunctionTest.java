package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.Trap;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.WasmRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A valid module that Chicory's code generator fails on ({@code Types not empty: [I32]}, in
 * {@code ../shared/samples/compiler-fails-valid-module.wasm}) runs under the compiler engine as it
 * does under the interpreter: the functions that do not compile are found and interpreted.
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
    void everyExportGivesTheSameOutcomeUnderBothEngines() throws Exception {
        assumeTrue(Files.exists(SAMPLE), "no " + SAMPLE + " (the shared samples): skipped");
        for (String name : new String[] {"no_dce.i32.load", "no_dce.i64.load8_u", "no_dce.f64.load"}) {
            assertArrayEquals(outcome(Strategy.INTERPRETER, name), outcome(Strategy.COMPILER, name), name);
        }
    }

    private static String[] outcome(Strategy engine, String export) throws Exception {
        try (var runtime = WasmRuntime.builder().withStrategy(engine).build();
                var instance = runtime.instantiate(runtime.load(SAMPLE), new Linker())) {
            try {
                return new String[] {"returned", java.util.Arrays.toString(instance.call(export, 0))};
            } catch (io.wasmrun.Trap trap) {
                return new String[] {"trapped", trap.reason()};
            }
        }
    }
}
