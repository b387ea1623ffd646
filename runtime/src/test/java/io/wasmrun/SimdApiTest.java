package io.wasmrun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedding API on a module that uses SIMD: the engines run it lowered (every v128 as two i64
 * halves), but the API shows and takes v128 as the module declares it: function and global types,
 * exports without the lowering's hidden ones, v128 globals read and written whole, host functions
 * with v128 parameters and results, and v128 globals shared between instances.
 */
class SimdApiTest {
    private static final String GUEST = """
            (module
              (import "host" "mix" (func $mix (param v128 i32) (result v128)))
              (global $acc (export "acc") (mut v128) (v128.const i32x4 1 2 3 4))
              (global (export "k") v128 (v128.const i64x2 -1 7))
              (func (export "add") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
              (func (export "accumulate") (param v128)
                (global.set $acc (i32x4.add (global.get $acc) (local.get 0))))
              (func (export "mixed") (param v128) (result v128) (call $mix (local.get 0) (i32.const 3))))
            """;
    private static final String READER = """
            (module
              (import "guest" "acc" (global $acc (mut v128)))
              (func (export "lane") (param i32) (result i32)
                (i32x4.extract_lane 3 (i32x4.add (global.get $acc) (i32x4.splat (local.get 0))))))
            """;

    private Engine engine;
    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private Instance instantiate(Strategy strategy) {
        engine = Engine.builder().strategy(strategy).build();
        store = Store.create(engine);
        Module module = Module.fromBytes(engine, "guest.wat", GUEST.getBytes(UTF_8));
        var mix = FuncType.of(List.of(ValType.V128, ValType.I32), List.of(ValType.V128));
        Linker linker = new Linker().func("host", "mix", mix, (caller, args) ->
                new Val[] {Val.v128(args[0].raw() * args[1].i32(), args[0].rawHigh() + args[1].i32())});
        return linker.instantiate(store, module);
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void typesAndExportsAreAsDeclared(Strategy strategy) {
        Instance instance = instantiate(strategy);
        Module module = instance.module();
        var v128 = FuncType.of(List.of(ValType.V128, ValType.V128), List.of(ValType.V128));
        assertEquals(v128, module.requireFuncType("add"));
        assertEquals(v128, instance.requireFunc("add").type());
        assertEquals(List.of("acc", "k", "add", "accumulate", "mixed"),
                module.exports().stream().map(ExportType::name).toList());
        assertEquals(List.of("acc", "k", "add", "accumulate", "mixed"), List.copyOf(instance.exports().keySet()));
        assertEquals(new GlobalType(ValType.V128, true), instance.global("acc").orElseThrow().type());
        assertEquals(new GlobalType(ValType.V128, false), instance.global("k").orElseThrow().type());
        assertFalse(module.imports().isEmpty());
        assertEquals(ValType.V128, ((FuncType) module.imports().get(0).type()).params().get(0));
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void v128ValuesGoInAndOutWhole(Strategy strategy) {
        Instance instance = instantiate(strategy);
        Val sum = instance.requireFunc("add").call(Val.v128(0x00000002_00000001L, 0x00000004_00000003L),
                Val.v128(0x00000020_00000010L, 0x00000040_00000030L))[0];
        assertEquals(Val.v128(0x00000022_00000011L, 0x00000044_00000033L), sum);
        assertArrayEquals(new long[] {0x11, 0x22}, new long[] {sum.raw() & 0xffffffffL, sum.raw() >>> 32});

        Global k = instance.global("k").orElseThrow();
        assertEquals(Val.v128(-1, 7), k.get());
        Global acc = instance.global("acc").orElseThrow();
        instance.requireFunc("accumulate").call(Val.v128(0x00000001_00000001L, 0x00000001_00000001L));
        assertEquals(Val.v128(0x00000003_00000002L, 0x00000005_00000004L), acc.get());
        acc.set(Val.v128(5, 6));
        assertEquals(Val.v128(5, 6), acc.get());

        Val mixed = instance.requireFunc("mixed").call(Val.v128(10, 20))[0];
        assertEquals(Val.v128(30, 23), mixed, "the host function saw the v128 whole and its result came back whole");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aV128GlobalIsSharedBetweenInstances(Strategy strategy) {
        Instance guest = instantiate(strategy);
        Module reader = Module.fromBytes(engine, "reader.wat", READER.getBytes(UTF_8));
        Instance other = new Linker().instance("guest", guest).instantiate(store, reader);
        guest.global("acc").orElseThrow().set(Val.v128(0, 0x00000064_00000000L));
        assertArrayEquals(new Val[] {Val.i32(105)}, other.requireFunc("lane").call(Val.i32(5)));
        guest.requireFunc("accumulate").call(Val.v128(0, 0x00000001_00000000L));
        assertArrayEquals(new Val[] {Val.i32(106)}, other.requireFunc("lane").call(Val.i32(5)));
    }
}
