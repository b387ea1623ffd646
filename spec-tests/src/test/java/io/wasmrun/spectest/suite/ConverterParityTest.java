package io.wasmrun.spectest.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.Engine;
import io.wasmrun.Strategy;
import io.wasmrun.wast.Failure;
import io.wasmrun.wast.NativeParser;
import io.wasmrun.wast.ScriptResult;
import io.wasmrun.wast.ScriptRunner;
import io.wasmrun.wast.Wast2Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner passes, fails and skips the same assertions, on the same lines, whether wasmrun's
 * own text parser or wast2json reads a script: 32 wasm-2.0 scripts under on-demand/compiler.
 */
class ConverterParityTest {
    private static final Path SUITE = Path.of("..", "..", "shared", "wasm-testsuite", "wasm-2.0");
    private static final List<String> FILES = List.of(
            "address.wast", "align.wast", "binary-leb128.wast", "binary.wast", "block.wast", "br_if.wast",
            "bulk.wast", "call.wast", "call_indirect.wast", "comments.wast", "const.wast", "custom.wast",
            "data.wast", "elem.wast", "f32.wast", "f64_cmp.wast", "fac.wast", "func.wast", "global.wast",
            "i32.wast", "i64.wast", "if.wast", "imports.wast", "int_literals.wast", "linking.wast",
            "local_tee.wast", "memory.wast", "memory_grow.wast", "ref_null.wast", "select.wast",
            "table_fill.wast", "utf8-import-module.wast");

    @Test
    void nativeParserAndWast2JsonGiveTheSameResults() {
        var wast2json = new Wast2Json("wast2json", Path.of("target", "wast2json-cache"));
        assumeTrue(wast2json.isAvailable(), "wast2json (wabt) is not installed");
        assumeTrue(Files.isDirectory(SUITE), "the spec suite is not at " + SUITE);
        int passed = 0;
        try (Engine engine = Engine.builder().strategy(Strategy.COMPILER).build();
                var reference = new ScriptRunner(engine, wast2json);
                var runner = new ScriptRunner(engine, new NativeParser())) {
            for (String file : FILES) {
                ScriptResult expected = reference.run(SUITE.resolve(file));
                ScriptResult actual = runner.run(SUITE.resolve(file));

                assertEquals(expected.passed(), actual.passed(), file + ": passed");
                assertEquals(lines(expected), lines(actual), file + ": failed lines");
                assertEquals(expected.skipReasons(), actual.skipReasons(), file + ": skips");
                passed += actual.passed();
            }
        }
        assertTrue(passed > 9_000, "a solid share of the suite ran: " + passed);
    }

    private static List<Integer> lines(ScriptResult result) {
        return result.failures().stream().map(Failure::line).toList();
    }
}
