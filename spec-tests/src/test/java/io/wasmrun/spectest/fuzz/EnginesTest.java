package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.Strategy;
import io.wasmrun.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wasmrun side of the harness, and the node oracle when node is installed. */
class EnginesTest {
    static final String MODULE =
            """
            (module
              (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
              (import "fuzzing-support" "log-f32" (func $log-f32 (param f32)))
              (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
              (memory (export "memory") 1 1)
              (data (i32.const 8) "\\01\\02")
              (global $hang (mut i32) (i32.const 0))
              (func (export "logs") (param i32 f64) (result i32 i64)
                (call $log-i32 (local.get 0))
                (call $log-f32 (f32.const nan:0x200000))
                (call $log-i64 (i64.const -2))
                (i32.const 7) (i64.const -9))
              (func (export "traps") (call $log-i32 (i32.const 1)) (i32.store (i32.const 65535) (i32.const 0)))
              (func (export "divides") (result i32) (i32.div_s (i32.const 1) (i32.const 0)))
              (func (export "hangLimitInitializer") (global.set $hang (i32.const 3)))
              (func (export "hang") (result i32) (global.get $hang))
              (func (export "float") (result f64) (f64.const -0))
            )""";

    @TempDir Path dir;

    private static List<Event> expected() {
        return List.of(
                new Event.Call("logs"),
                new Event.Log(List.of(Value.i32(0))),
                new Event.Log(List.of(Value.f32(0x7fa00000))),
                new Event.Log(List.of(Value.i64(-2))),
                new Event.Returned(List.of(Value.i32(7), Value.i64(-9))),
                new Event.Call("traps"),
                new Event.Log(List.of(Value.i32(1))));
    }

    @Test
    void wasmrunRunsExportsInOrderWithZeroArgumentsAndRecordsLogsResultsAndTraps() {
        byte[] wasm = Wat.toBinary(MODULE, "m.wat");
        for (FuzzConfiguration c : FuzzConfiguration.ALL) {
            try (var runner = new WasmrunRunner(c, new MemoryCompileCache())) {
                Trace t = runner.run("m.wasm", wasm, true);
                List<Event> events = t.events();
                assertEquals(expected(), events.subList(0, 7), c.label());
                var storeTrap = assertInstanceOf(Event.Trapped.class, events.get(7), c.label());
                assertTrue(storeTrap.kinds().contains(TrapKind.MEMORY_OUT_OF_BOUNDS), storeTrap.toString());
                // the exported memory's state follows every trap, and the last call
                var state = assertInstanceOf(Event.MemoryState.class, events.get(8));
                assertTrue(state.state().startsWith("1:"), state.toString());
                assertEquals(new Event.Call("divides"), events.get(9));
                var divTrap = assertInstanceOf(Event.Trapped.class, events.get(10));
                assertTrue(divTrap.kinds().contains(TrapKind.INTEGER_DIVIDE_BY_ZERO), divTrap.toString());
                assertEquals(state, events.get(11));
                // hangLimitInitializer runs before every call, so `hang` sees it reset
                assertEquals(List.of(new Event.Call("hangLimitInitializer"), new Event.Returned(List.of()), new Event.Call("hang"),
                        new Event.Returned(List.of(Value.i32(3))), new Event.Call("float"), new Event.Returned(List.of(Value.f64(0x8000000000000000L))),
                        state), events.subList(12, 19), c.label());
                assertEquals(19, events.size());
            }
        }
    }

    /** What binaryen's translate-to-fuzz emits with SIMD: a log-v128 import, v128 parameters and results. */
    static final String SIMD_MODULE =
            """
            (module
              (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
              (func (export "logs") (param v128 i32) (result i64 v128 f32)
                (call $log-v128 (v128.const i32x4 1 2 3 4))
                (call $log-v128 (local.get 0))
                (i64.const -1) (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 -1 0 0 0x7fffffff)) (f32.const 1))
            )""";

    private static List<Event> simdExpected() {
        return List.of(
                new Event.Call("logs"),
                new Event.Log(List.of(Value.v128(0x0000000200000001L, 0x0000000400000003L))),
                new Event.Log(List.of(Value.v128(0, 0))),
                new Event.Returned(List.of(Value.i64(-1), Value.v128(0x0000000200000000L, 0x8000000300000003L), Value.f32(0x3f800000))));
    }

    @Test
    void wasmrunLogsAndReturnsV128Values() {
        byte[] wasm = Wat.toBinary(SIMD_MODULE, "simd.wat");
        for (FuzzConfiguration c : FuzzConfiguration.ALL) {
            try (var runner = new WasmrunRunner(c, new MemoryCompileCache())) {
                assertEquals(simdExpected(), runner.run("simd.wasm", wasm, true).events(), c.label());
            }
        }
    }

    @Test
    void nodeLogsAndReturnsV128ValuesThroughAdapters() throws IOException, InterruptedException {
        assumeTrue(NodeOracle.version("node") != null, "node is not installed");
        Path wasm = dir.resolve("simd.wasm");
        Files.write(wasm, Wat.toBinary(SIMD_MODULE, "simd.wat"));
        try (var oracle = new NodeOracle("node", NodeOracle.extractScript(dir), Duration.ofSeconds(30))) {
            assertEquals(simdExpected(), oracle.run(wasm, true).events());
        }
    }

    @Test
    void anInvalidModuleIsRejected() {
        try (var runner = new WasmrunRunner(FuzzConfiguration.ALL.getFirst(), new MemoryCompileCache())) {
            Trace t = runner.run("bad.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 99}, true);
            assertInstanceOf(Event.Rejected.class, t.events().getFirst());
        }
    }

    @Test
    void nodeAgreesWithEveryConfigurationOnTheSameModule() throws IOException, InterruptedException {
        assumeTrue(NodeOracle.version("node") != null, "node is not installed");
        Path wasm = dir.resolve("m.wasm");
        Files.write(wasm, Wat.toBinary(MODULE, "m.wat"));
        try (var oracle = new NodeOracle("node", NodeOracle.extractScript(dir), Duration.ofSeconds(30));
                var worker = new Worker(dir.resolve("w"), oracle, FuzzConfiguration.ALL, Duration.ofSeconds(60), NanRule.QUIETNESS)) {
            Evaluation e = worker.evaluate(wasm, Files.readAllBytes(wasm), true);
            assertEquals(expected(), e.oracle().events().subList(0, 7), "V8 keeps the signalling NaN's bits through the logger adapter");
            var trap = assertInstanceOf(Event.Trapped.class, e.oracle().events().get(7));
            assertEquals("i32.store", trap.site());
            assertEquals(java.util.Map.of(), e.divergences());
            assertEquals(4, e.traces().size());
        }
    }

    @Test
    void edgeModulesAreValidAndDeterministic() {
        var generator = new EdgeGenerator();
        try (var runner = new WasmrunRunner(new FuzzConfiguration("pooling", Strategy.INTERPRETER), new MemoryCompileCache())) {
            for (int i = 0; i < 40; i++) {
                Generated g = generator.generate(Fuzz.moduleRandom(9, i));
                assertEquals(generator.wat(Fuzz.moduleRandom(9, i)), g.recipe().substring(g.recipe().indexOf('\n') + 1), "same seed, same module");
                Trace t = runner.run("edge.wasm", g.bytes(), true);
                assertTrue(!(t.events().getFirst() instanceof Event.Rejected), "module " + i + ": " + t.events().getFirst());
                assertTrue(t.calls() >= 3, "module " + i);
            }
        }
    }

    @Test
    void onlyDivergencesANanPayloadCanCauseAreCheckedAgainWithoutNans() {
        assertTrue(Fuzz.nanSensitive("memory-state:end"), "a stored NaN");
        assertTrue(Fuzz.nanSensitive("log-value:i64"), "a reinterpreted NaN");
        assertTrue(Fuzz.nanSensitive("event:log:result"), "a branch on a reinterpreted NaN");
        assertTrue(Fuzz.nanSensitive("missing-trap:memory-out-of-bounds@memory.copy"), "a payload read back into a branch");
        assertTrue(Fuzz.nanSensitive("trap-kind:memory-out-of-bounds:table-out-of-bounds"), "a payload read back into an address");
        assertTrue(Fuzz.nanSensitive("result-value:f64"), "a float read from a stored NaN's payload");
        assertTrue(!Fuzz.nanSensitive("log-value:f32:1ulp"));
        assertTrue(!Fuzz.nanSensitive("log-nan:f32"));
        assertTrue(!Fuzz.nanSensitive("escaped:java.lang.NegativeArraySizeException@TableInstance.grow"));
    }

    @Test
    void moduleRandomnessDependsOnSeedAndIndexOnly() {
        SplittableRandom a = Fuzz.moduleRandom(5, 17);
        SplittableRandom b = Fuzz.moduleRandom(5, 17);
        assertEquals(a.nextLong(), b.nextLong());
        assertTrue(Fuzz.moduleRandom(5, 17).nextLong() != Fuzz.moduleRandom(5, 18).nextLong());
        assertTrue(Fuzz.moduleRandom(5, 17).nextLong() != Fuzz.moduleRandom(6, 17).nextLong());
    }
}
