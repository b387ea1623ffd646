package io.wasmrun.runtime;

import static io.wasmrun.runtime.TestModules.example;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.LinkException;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Strategy;
import io.wasmrun.Trap;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WasmRuntimeTest {

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void callsAnExportedFunction(Strategy engine) {
        try (var runtime = WasmRuntime.builder().withStrategy(engine).build();
                var instance = runtime.instantiate(runtime.load(example("fib.wasm")), new Linker())) {
            assertArrayEquals(new long[] {6765}, instance.call("fib", 20));
            assertArrayEquals(new long[] {2432902008176640000L}, instance.call("factorial", 20));
        }
    }

    @Test
    void instancesReturnEverythingToTheAllocatorOnClose() {
        try (var allocator = new OnDemandInstanceAllocator();
                var runtime = WasmRuntime.builder().withAllocator(allocator).build()) {
            var module = runtime.load(example("trap.wasm"));
            var first = runtime.instantiate(module, new Linker());
            var second = runtime.instantiate(module, new Linker());
            assertEquals(2, allocator.liveCoreInstances());
            assertEquals(2, allocator.metrics().liveMemories());
            first.close();
            second.close();
            assertEquals(new AllocatorMetrics(0, 0, 0, 0, 0, 0), zeroResident(allocator.metrics()));
        }
    }

    @Test
    void aTrapInTheStartFunctionReleasesTheHalfMadeInstance() {
        try (var allocator = new OnDemandInstanceAllocator();
                var runtime = WasmRuntime.builder().withAllocator(allocator).build()) {
            var module = runtime.load(example("trap.wasm"));
            var start = runtime.load("start.wasm", startTrapModule());
            var trap = assertThrows(Trap.class, () -> runtime.instantiate(start, new Linker()));
            assertEquals("unreachable", trap.reason());
            assertEquals(0, allocator.liveCoreInstances());
            assertEquals(0, allocator.metrics().liveMemories());
            runtime.instantiate(module, new Linker()).close();
        }
    }

    @Test
    void aMissingImportIsNamedBeforeAnythingIsAllocated() {
        try (var allocator = new OnDemandInstanceAllocator();
                var runtime = WasmRuntime.builder().withAllocator(allocator).build()) {
            var hello = runtime.load(example("hello.wasm"));
            var error = assertThrows(LinkException.class, () -> runtime.instantiate(hello, new Linker()));
            assertEquals(
                    "hello.wasm: unknown import: `wasi_snapshot_preview1`.`fd_write` (function) is not defined",
                    error.getMessage());
            assertEquals(0, allocator.liveCoreInstances());
        }
    }

    @Test
    void hostFunctionsAreLinkedByName() {
        try (var runtime = WasmRuntime.builder().build()) {
            var hello = runtime.load(example("hello.wasm"));
            var written = new ByteArrayOutputStream();
            var linker =
                    new Linker()
                            .define(
                                    new HostFunction(
                                            "wasi_snapshot_preview1",
                                            "fd_write",
                                            FunctionType.of(
                                                    List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32),
                                                    List.of(ValType.I32)),
                                            (instance, args) -> {
                                                var memory = instance.memory();
                                                int buf = memory.readInt((int) args[1]);
                                                int len = memory.readInt((int) args[1] + 4);
                                                written.writeBytes(memory.readBytes(buf, len));
                                                return new long[] {0};
                                            }));
            try (var instance = runtime.instantiate(hello, linker)) {
                instance.call("_start");
            }
            assertEquals("Hello, world from wasmrun!\n", written.toString());
        }
    }

    @Test
    void wasiWritesToTheConfiguredStreams() {
        var out = new ByteArrayOutputStream();
        var config = new WasiConfig(List.of("hello"), Map.of(), Map.of(), InputStream.nullInputStream(), out, out);
        try (var runtime = WasmRuntime.builder().build(); var wasi = Wasi.create(config)) {
            var hello = runtime.load(example("hello.wasm"));
            assertTrue(Wasi.isImportedBy(hello));
            try (var instance = runtime.instantiate(hello, wasi.defineInto(new Linker()))) {
                instance.call("_start");
            }
        }
        assertEquals("Hello, world from wasmrun!\n", out.toString());
    }

    @Test
    void instancesLinkToEachOthersExports() {
        try (var runtime = WasmRuntime.builder().build();
                var fib = runtime.instantiate(runtime.load(example("fib.wasm")), new Linker())) {
            var linker = new Linker().defineInstance("math", fib);
            assertTrue(linker.isDefined("math", "fib"));
            var user = runtime.load("user.wasm", callsImportedFib());
            try (var instance = runtime.instantiate(user, linker)) {
                assertArrayEquals(new long[] {55}, instance.call("ten"));
            }
        }
    }

    @Test
    void textModulesAreDetectedByContent() {
        try (var runtime = WasmRuntime.builder().build()) {
            byte[] text = "(module (func (export \"answer\") (result i32) (i32.const 42)))".getBytes();
            try (var instance = runtime.instantiate(runtime.load("answer.wasm", text), new Linker())) {
                assertArrayEquals(new long[] {42}, instance.call("answer"));
            }
        }
    }

    @Test
    void simdModulesRunInBothEngines() {
        byte[] simd = ("(module (func (export \"v\") (param i32) (result i32)"
                        + " (i32x4.extract_lane 2 (i32x4.add (v128.const i32x4 1 2 3 4) (i32x4.splat (local.get 0))))))")
                .getBytes();
        for (var engine : io.wasmrun.Strategy.values()) {
            try (var runtime = WasmRuntime.builder().withStrategy(engine).build();
                    var instance = runtime.instantiate(runtime.load("simd.wat", simd), new Linker())) {
                assertArrayEquals(new long[] {13}, instance.call("v", 10), engine.toString());
            }
        }
    }

    @Test
    void simdTogetherWithGarbageCollectedTypesIsRefusedWithTheReason() {
        try (var runtime = WasmRuntime.builder().build()) {
            byte[] simd = "(module (rec (type (func))) (func (export \"v\") (result v128) (v128.const i64x2 0 0)))".getBytes();
            var error = assertThrows(ModuleLoadException.class, () -> runtime.load("simd.wat", simd));
            assertEquals(ModuleLoadException.Kind.UNSUPPORTED, error.kind());
            assertEquals(
                    "simd.wat: uses SIMD together with garbage-collected types, which wasmrun's SIMD support does not cover",
                    error.getMessage());
        }
    }

    @Test
    void loadErrorsAreClassified() {
        try (var runtime = WasmRuntime.builder().build()) {
            var notWasm = assertThrows(ModuleLoadException.class, () -> runtime.load("x.wasm", "hello".getBytes()));
            assertEquals(ModuleLoadException.Kind.NOT_WASM, notWasm.kind());
            var badText = assertThrows(ModuleLoadException.class, () -> runtime.load("x.wat", "(module\n  (fun))".getBytes()));
            assertEquals(ModuleLoadException.Kind.MALFORMED, badText.kind());
            assertTrue(badText.getMessage().startsWith("x.wat:2:3: unknown module field fun"), badText.getMessage());
            var invalidText = assertThrows(
                    ModuleLoadException.class, () -> runtime.load("y.wat", "(module (func (result i32)))".getBytes()));
            assertEquals(ModuleLoadException.Kind.INVALID, invalidText.kind());
            var truncated = assertThrows(
                    ModuleLoadException.class,
                    () -> runtime.load("t.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1}));
            assertEquals(ModuleLoadException.Kind.MALFORMED, truncated.kind());
            var missing = assertThrows(ModuleLoadException.class, () -> runtime.load(example("missing.wasm")));
            assertEquals(ModuleLoadException.Kind.UNREADABLE, missing.kind());
        }
    }

    private static AllocatorMetrics zeroResident(AllocatorMetrics m) {
        return new AllocatorMetrics(m.liveInstances(), m.liveMemories(), m.liveTables(), m.liveStacks(), m.unusedWarmSlots(), 0);
    }

    /** (module (memory 1) (func $f unreachable) (start $f)). */
    private static byte[] startTrapModule() {
        return new byte[] {
            0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 4, 1, 0x60, 0, 0, // type section: () -> ()
            3, 2, 1, 0, // function section
            5, 3, 1, 0, 1, // memory section: 1 page
            8, 1, 0, // start section: func 0
            10, 5, 1, 3, 0, 0x00, 0x0b // code: unreachable
        };
    }

    /** (module (import "math" "fib" (func (param i32) (result i32))) (func (export "ten") (result i32) (call 0 (i32.const 10)))). */
    private static byte[] callsImportedFib() {
        return new byte[] {
            0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 10, 2, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 1, 0x7f, // types
            2, 12, 1, 4, 'm', 'a', 't', 'h', 3, 'f', 'i', 'b', 0, 0, // import
            3, 2, 1, 1, // function section
            7, 7, 1, 3, 't', 'e', 'n', 0, 1, // export
            10, 8, 1, 6, 0, 0x41, 10, 0x10, 0, 0x0b // code
        };
    }
}
