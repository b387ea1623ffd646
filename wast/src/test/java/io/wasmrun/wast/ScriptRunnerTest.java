package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.Engine;
import io.wasmrun.Strategy;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the hand-written scripts in {@code src/test/resources/wast} read by wasmrun's text parser
 * and, where it is installed, by wast2json; after every script, each instance (spectest's too)
 * is back in the allocator.
 */
class ScriptRunnerTest {
    static final UnaryOperator<Engine.Builder> ON_DEMAND = b -> b.onDemand(OnDemandConfig.defaults());
    static final UnaryOperator<Engine.Builder> POOLING = b -> b.pooling(PoolingConfig.defaults());
    static final Path SCRIPTS = Path.of("src", "test", "resources", "wast");
    static final ScriptConverter NATIVE = new NativeParser();
    static final Wast2Json WAST2JSON = new Wast2Json("wast2json", Path.of("target", "wast2json-cache"));

    static Stream<Arguments> configurations() {
        return Stream.of("native", "wast2json").flatMap(converter -> Stream.of(
                Arguments.of("on-demand", ON_DEMAND, Strategy.COMPILER, converter),
                Arguments.of("on-demand", ON_DEMAND, Strategy.INTERPRETER, converter),
                Arguments.of("pooling", POOLING, Strategy.COMPILER, converter),
                Arguments.of("pooling", POOLING, Strategy.INTERPRETER, converter)));
    }

    @ParameterizedTest(name = "{0}/{2} {3}")
    @MethodSource("configurations")
    void everyCommandKindPasses(String name, UnaryOperator<Engine.Builder> allocator, Strategy engine, String converter) {
        ScriptConverter scripts = converter.equals("native") ? NATIVE : wast2json();
        ScriptResult result = run(allocator, engine, scripts, "all-commands.wast");

        assertEquals(List.of(), result.failures());
        assertEquals(33, result.passed(), "the text module of assert_malformed goes through the text parser");
        assertEquals(List.of(), result.skips());
    }

    /**
     * The engine regressions of {@code wast/bounds}: guest operands at the edges of the 32-bit
     * range (effective addresses past 4 GiB, table offsets of 0xFFFFFFFF, sums that wrap an int),
     * with exactly the spec's results, in every configuration. Pooling allows as many memories
     * and tables per module as the scripts define, as the spec suite's pooling configuration does.
     */
    static Stream<Arguments> boundsScripts() {
        UnaryOperator<Engine.Builder> pooling =
                b -> b.pooling(PoolingConfig.builder().maxMemoriesPerModule(10).maxTablesPerModule(10).build());
        Map<String, Integer> scripts = new LinkedHashMap<>();
        scripts.put("bounds/memory-address.wast", 48);
        scripts.put("bounds/memory-bulk.wast", 43);
        scripts.put("bounds/float-ops.wast", 38);
        scripts.put("bounds/table-init.wast", 34);
        scripts.put("bounds/table-grow.wast", 18);
        scripts.put("bounds/table-copy-fill.wast", 46);
        scripts.put("bounds/decoder.wast", 4);
        scripts.put("bounds/interpreter-multivalue-return.wast", 21);
        scripts.put("bounds/module-checks.wast", 23);
        scripts.put("bounds/interpreter-i32-mul.wast", 13);
        scripts.put("bounds/block-type-indices.wast", 13);
        scripts.put("bounds/simd-pending.wast", 11);
        scripts.put("bounds/simd-memory.wast", 18);
        return scripts.entrySet().stream().flatMap(script -> Stream.of(
                Arguments.of("on-demand", ON_DEMAND, Strategy.COMPILER, script.getKey(), script.getValue()),
                Arguments.of("on-demand", ON_DEMAND, Strategy.INTERPRETER, script.getKey(), script.getValue()),
                Arguments.of("pooling", pooling, Strategy.COMPILER, script.getKey(), script.getValue()),
                Arguments.of("pooling", pooling, Strategy.INTERPRETER, script.getKey(), script.getValue())));
    }

    @ParameterizedTest(name = "{3} {0}/{2}")
    @MethodSource("boundsScripts")
    void operandsAtTheEdgesOfTheAddressSpaceBehaveAsTheSpecSays(
            String name, UnaryOperator<Engine.Builder> allocator, Strategy engine, String script, int assertions) {
        ScriptResult result = run(allocator, engine, NATIVE, script);

        assertEquals(List.of(), result.failures().stream().map(result::describe).toList());
        assertEquals(List.of(), result.skips());
        assertEquals(assertions, result.passed());
    }

    @Test
    void reportsEachFailedAssertionAndGoesOn() {
        ScriptResult result = onDemand(Strategy.COMPILER, "failing.wast");

        assertEquals(3, result.passed());
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13), result.failures().stream().map(Failure::line).toList());
        assertMessage(result, 6, "assert_return", "invoke one[]: expected (i32 2), got (i32 1)");
        assertMessage(result, 7, "assert_trap", "invoke one[]: expected trap (unreachable), got (i32 1)");
        assertMessage(result, 8, "assert_trap", "invoke trap[]: expected trap (integer overflow), got trap (unreachable)");
        assertMessage(result, 9, "assert_exhaustion", "invoke one[]: expected trap (call stack exhausted), got (i32 1)");
        assertMessage(result, 10, "assert_invalid", "expected invalid module (type mismatch), but it was instantiated");
        assertTrue(message(result, 11).contains("unknown import: `nowhere`.`f`"), message(result, 11));
        assertTrue(message(result, 12).startsWith("module at line 11 failed: "), message(result, 12));
        assertTrue(message(result, 13).startsWith("module at line 11 failed: "), "the broken module is the current one");
        assertEquals(
                "src/test/resources/wast/failing.wast:6: assert_return: invoke one[]: expected (i32 2), got (i32 1)",
                result.describe(result.failures().getFirst()));
    }

    @Test
    void modulesBeyondTheAllocatorsLimitsAreSkippedWithTheirCommands() {
        ScriptResult result = run(POOLING, Strategy.INTERPRETER, NATIVE, "limits.wast");

        assertEquals(List.of(), result.failures());
        assertEquals(3, result.passed(), "the invalid module is rejected before the limits are checked");
        assertEquals(List.of(3, 4), result.skips().stream().map(Skip::line).toList());
        assertTrue(result.skips().getFirst().reason().startsWith("exceeds the allocator's limits: "), result.skips().getFirst().reason());
        assertTrue(result.skips().get(1).reason().startsWith("module at line 3 was skipped: exceeds the allocator's limits: "));
    }

    @Test
    void simdModulesRunAndUnsupportedOnesAreSkippedWithWhatUsesThem() {
        ScriptResult result = onDemand(Strategy.INTERPRETER, "v128.wast");

        assertEquals(List.of(), result.failures());
        assertEquals(9, result.passed(), "the SIMD modules, their calls and link, the malformed module, the scalar module and its call");
        String unsupported = "uses SIMD together with garbage-collected types, which wasmrun's SIMD support does not cover";
        String skipped = "module at line 12 was skipped: " + unsupported;
        assertEquals(
                List.of(new Skip(12, "module", unsupported),
                        new Skip(13, "assert_return", skipped),
                        new Skip(14, "register", skipped),
                        new Skip(15, "module", "imports from `gc`, whose " + skipped)),
                result.skips());
    }

    @Test
    void uncaughtExceptionsSatisfyAssertException() {
        ScriptResult result = onDemand(Strategy.INTERPRETER, "proposals/exception-handling/throw.wast");

        assertEquals(List.of(), result.failures());
        assertEquals(3, result.passed());
    }

    @Test
    void definitionsAreInstantiatedByModuleInstance() {
        ScriptResult result = onDemand(Strategy.INTERPRETER, "definitions.wast");

        assertEquals(8, result.passed(), "two definitions, two instances, four calls");
        assertEquals(List.of(14), result.failures().stream().map(Failure::line).toList());
        assertEquals("no module definition named $Missing", message(result, 14));
        assertEquals(
                List.of(new Skip(15, "assert_malformed_custom", ScriptSession.CUSTOM_IGNORED),
                        new Skip(16, "assert_invalid_custom", ScriptSession.CUSTOM_IGNORED)),
                result.skips(),
                "the text parser accepts both custom annotations, which the spec allows");
    }

    @Test
    void aScriptTheTextParserRejectsIsOneClearFailure() {
        ScriptResult result = onDemand(Strategy.COMPILER, "unparsable.wast");

        assertEquals(1, result.failed());
        assertTrue(result.failures().getFirst().isScriptFailure());
        assertEquals(
                "src/test/resources/wast/unparsable.wast: the text parser rejects it: unparsable.wast:3:1: unknown module field assert_return",
                result.describe(result.failures().getFirst()));
    }

    @Test
    void aScriptWast2JsonRejectsIsOneClearFailure() {
        ScriptResult result = run(ON_DEMAND, Strategy.COMPILER, wast2json(), "unparsable.wast");

        assertEquals(1, result.failed());
        assertTrue(result.failures().getFirst().isScriptFailure());
        assertEquals(
                "src/test/resources/wast/unparsable.wast: wast2json cannot convert it: line 3:1: error: unexpected token (, expected ).",
                result.describe(result.failures().getFirst()));
    }

    @Test
    void aMissingFileIsOneClearFailure() {
        ScriptResult result = onDemand(Strategy.COMPILER, "missing.wast");

        assertEquals(List.of(Failure.ofScript("src/test/resources/wast/missing.wast: no such file")), result.failures());
        assertEquals("src/test/resources/wast/missing.wast: no such file", result.describe(result.failures().getFirst()));
    }

    private static Wast2Json wast2json() {
        assumeTrue(WAST2JSON.isAvailable(), "wast2json (wabt) is not installed");
        return WAST2JSON;
    }

    private static ScriptResult onDemand(Strategy engine, String script) {
        return run(ON_DEMAND, engine, NATIVE, script);
    }

    private static ScriptResult run(UnaryOperator<Engine.Builder> allocator, Strategy strategy, ScriptConverter converter, String script) {
        try (Engine engine = allocator.apply(Engine.builder().strategy(strategy)).build();
                var runner = new ScriptRunner(engine, converter)) {
            ScriptResult result = runner.run(SCRIPTS.resolve(script));
            assertEquals(0, engine.metrics().liveInstances(), "every instance, spectest's too, is returned");
            return result;
        }
    }

    private static void assertMessage(ScriptResult result, int line, String command, String message) {
        Failure failure = failure(result, line);
        assertEquals(command, failure.command());
        assertEquals(message, failure.message());
    }

    private static String message(ScriptResult result, int line) {
        return failure(result, line).message();
    }

    private static Failure failure(ScriptResult result, int line) {
        return result.failures().stream().filter(f -> f.line() == line).findFirst().orElseThrow();
    }
}
