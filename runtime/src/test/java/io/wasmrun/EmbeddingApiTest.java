package io.wasmrun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The embedding API end to end: typed and raw calls, host functions, memory, globals, tables, traps. */
class EmbeddingApiTest {
    private static final String GUEST = """
            (module
              (import "host" "log" (func $log (param i32 i32)))
              (import "host" "scale" (func $scale (param f64) (result f64)))
              (memory (export "memory") 1 4)
              (global $counter (export "counter") (mut i64) (i64.const 41))
              (global (export "pi") f64 (f64.const 3.25))
              (table (export "table") 2 10 funcref)
              (data (i32.const 16) "hello, host")
              (elem (i32.const 0) $add)
              (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "swap") (param f32 i64) (result i64 f32) (local.get 1) (local.get 0))
              (func (export "greet") (call $log (i32.const 16) (i32.const 11)))
              (func (export "scaled") (param f64) (result f64) (call $scale (local.get 0)))
              (func (export "bump") (result i64)
                (global.set $counter (i64.add (global.get $counter) (i64.const 1)))
                (global.get $counter))
              (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "boom") unreachable)
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
            """;

    private final List<String> logged = new ArrayList<>();
    private Engine engine;
    private Store store;

    private Instance instantiate(Strategy strategy) {
        engine = Engine.builder().strategy(strategy).build();
        store = Store.create(engine);
        Module module = Module.fromBytes(engine, "guest.wat", GUEST.getBytes(UTF_8));
        Linker linker = new Linker()
                .func("host", "log", FuncType.of(List.of(ValType.I32, ValType.I32), List.of()), (caller, args) -> {
                    Memory memory = caller.memory("memory").orElseThrow();
                    logged.add(memory.readString(args[0].i32(), args[1].i32()));
                    return new Val[0];
                })
                .funcRaw("host", "scale", FuncType.of(List.of(ValType.F64), List.of(ValType.F64)),
                        (caller, raw) -> new long[] {Double.doubleToRawLongBits(Double.longBitsToDouble(raw[0]) * 2)});
        return linker.instantiate(store, module);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            assertEquals(0, engine.metrics().liveInstances(), "closing the store returns its instances");
        }
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void callsWithTypedAndRawValues(Strategy strategy) {
        Instance instance = instantiate(strategy);
        Func add = instance.requireFunc("add");

        assertEquals(FuncType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), add.type());
        assertArrayEquals(new Val[] {Val.i32(-1)}, add.call(Val.i32(Integer.MAX_VALUE), Val.i32(Integer.MIN_VALUE)));
        assertArrayEquals(new long[] {7}, add.callRaw(3, 4));
        Val[] swapped = instance.requireFunc("swap").call(Val.f32(-0.0f), Val.i64(Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, swapped[0].i64());
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(swapped[1].f32()));
        Val nan = Val.fromRaw(ValType.F32, 0x7fa0_0001L);
        assertEquals(0x7fa0_0001L, instance.requireFunc("swap").call(nan, Val.i64(0))[1].raw(), "a NaN payload survives");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void hostFunctionsSeeTheCallersMemory(Strategy strategy) {
        Instance instance = instantiate(strategy);

        instance.requireFunc("greet").call();
        assertEquals(List.of("hello, host"), logged);
        assertEquals(Val.f64(5.0), instance.requireFunc("scaled").call(Val.f64(2.5))[0]);
    }

    @Test
    void readsAndWritesMemory() {
        Instance instance = instantiate(Strategy.COMPILER);
        Memory memory = instance.memory("memory").orElseThrow();

        assertEquals(new MemoryType(1, OptionalLong.of(4), false), memory.type());
        assertEquals(65536, memory.byteSize());
        memory.writeInt(100, 0x01020304);
        assertEquals(0x01020304, instance.requireFunc("load").call(Val.i32(100))[0].i32());
        assertArrayEquals(new byte[] {4, 3, 2, 1}, memory.read(100, 4));
        assertEquals((byte) 3, memory.view().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 101));
        assertEquals(1, memory.grow(1));
        assertEquals(2, memory.pages());
        assertEquals(-1, memory.grow(3), "past the declared maximum");
        assertThrows(IndexOutOfBoundsException.class, () -> memory.readInt(2 * 65536 - 3));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.write(-1, new byte[1]));
    }

    @Test
    void globalsAndTables() {
        Instance instance = instantiate(Strategy.COMPILER);
        Global counter = instance.global("counter").orElseThrow();
        Global pi = instance.global("pi").orElseThrow();

        assertEquals(new GlobalType(ValType.I64, true), counter.type());
        assertEquals(Val.i64(42), instance.requireFunc("bump").call()[0]);
        counter.set(Val.i64(100));
        assertEquals(Val.i64(101), instance.requireFunc("bump").call()[0]);
        assertEquals(3.25, pi.get().f64());
        assertThrows(IllegalStateException.class, () -> pi.set(Val.f64(1)));
        assertThrows(IllegalArgumentException.class, () -> counter.set(Val.i32(1)));

        Table table = instance.table("table").orElseThrow();
        assertEquals(new TableType(ValType.FUNCREF, 2, OptionalLong.of(10)), table.type());
        assertTrue(table.get(1).isNull());
        Val add = table.get(0);
        assertTrue(!add.isNull());
        table.set(1, add);
        assertEquals(add, table.get(1));
        assertEquals(2, table.grow(3, Val.nullRef(ValType.FUNCREF)));
        assertEquals(5, table.size());
        assertEquals(-1, table.grow(6, Val.nullRef(ValType.FUNCREF)));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void trapsHaveAKindAndTheSpecsWords(Strategy strategy) {
        Instance instance = instantiate(strategy);

        Trap unreachable = assertThrows(Trap.class, () -> instance.requireFunc("boom").call());
        assertEquals(TrapKind.UNREACHABLE, unreachable.kind());
        Trap divide = assertThrows(Trap.class, () -> instance.requireFunc("divide").call(Val.i32(1), Val.i32(0)));
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, divide.kind());
        assertEquals("integer divide by zero", divide.reason());
        Trap overflow = assertThrows(Trap.class,
                () -> instance.requireFunc("divide").call(Val.i32(Integer.MIN_VALUE), Val.i32(-1)));
        assertEquals(TrapKind.INTEGER_OVERFLOW, overflow.kind());
        Trap load = assertThrows(Trap.class, () -> instance.requireFunc("load").call(Val.i32(-4)));
        assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, load.kind());
        assertEquals("out of bounds memory access", load.reason());
    }

    @Test
    void checksArgumentsAndNames() {
        Instance instance = instantiate(Strategy.COMPILER);
        Func add = instance.requireFunc("add");

        assertThrows(IllegalArgumentException.class, () -> add.call(Val.i32(1)));
        assertThrows(IllegalArgumentException.class, () -> add.call(Val.i32(1), Val.i64(2)));
        assertThrows(IllegalArgumentException.class, () -> add.callRaw(1));
        var unknown = assertThrows(WasmrunException.class, () -> instance.requireFunc("nope"));
        assertTrue(unknown.getMessage().startsWith("guest.wat: unknown export `nope` (exported functions: add, swap"),
                unknown.getMessage());
        assertTrue(instance.func("memory").isEmpty());
        var notAFunction = assertThrows(WasmrunException.class, () -> instance.module().requireFuncType("memory"));
        assertTrue(notAFunction.getMessage().startsWith("guest.wat: export `memory` is not a function (exported functions: add"),
                notAFunction.getMessage());
        assertEquals(add.type(), instance.module().requireFuncType("add"));
    }

    @Test
    void describesImportsAndExports() {
        engine = Engine.create();
        Module module = Module.fromBytes(engine, "guest.wat", GUEST.getBytes(UTF_8));

        assertEquals(List.of(
                new ImportType("host", "log", FuncType.of(List.of(ValType.I32, ValType.I32), List.of())),
                new ImportType("host", "scale", FuncType.of(List.of(ValType.F64), List.of(ValType.F64)))),
                module.imports());
        var exports = module.exports();
        assertEquals(List.of("memory", "counter", "pi", "table", "add", "swap", "greet", "scaled", "bump", "divide",
                "boom", "load"), exports.stream().map(ExportType::name).toList());
        assertEquals(new GlobalType(ValType.F64, false), exports.get(2).type());
        assertEquals(FuncType.of(List.of(ValType.F32, ValType.I64), List.of(ValType.I64, ValType.F32)), exports.get(5).type());
    }

    @Test
    void aMissingImportIsALinkError() {
        engine = Engine.create();
        store = Store.create(engine);
        Module module = Module.fromBytes(engine, "guest.wat", GUEST.getBytes(UTF_8));

        var error = assertThrows(LinkException.class, () -> new Linker().instantiate(store, module));
        assertEquals("guest.wat: unknown import: `host`.`log` (function) is not defined", error.getMessage());
    }

    @Test
    void badBytesNameTheModule() {
        engine = Engine.create();

        var error = assertThrows(ModuleLoadException.class, () -> Module.fromBytes(engine, "junk.wasm", new byte[] {0, 'a', 's', 'm', 9}));
        assertEquals(ModuleLoadException.Kind.MALFORMED, error.kind());
        assertTrue(error.getMessage().startsWith("junk.wasm: "), error.getMessage());
    }

    @Test
    void aPrecompiledModuleRunsOnlyWhereArtifactsAreAllowed() {
        byte[] wat = "(module (func (export \"answer\") (result i32) i32.const 42))".getBytes(UTF_8);
        byte[] artifact;
        try (Engine compiling = Engine.create()) {
            artifact = compiling.precompile("answer.wat", wat);
        }
        engine = Engine.create();
        var refused = assertThrows(ModuleLoadException.class, () -> Module.fromBytes(engine, "answer.cwasm", artifact));
        assertTrue(refused.getMessage().startsWith("answer.cwasm: "), refused.getMessage());
        engine.close();

        engine = Engine.builder().allowPrecompiled(true).build();
        store = Store.create(engine);
        Instance instance = new Linker().instantiate(store, Module.fromBytes(engine, "answer.cwasm", artifact));
        assertEquals(42, instance.requireFunc("answer").call()[0].i32());
        assertThrows(ModuleLoadException.class, () -> engine.precompile("junk.wasm", new byte[] {0, 'a', 's', 'm', 9}));
    }
}
