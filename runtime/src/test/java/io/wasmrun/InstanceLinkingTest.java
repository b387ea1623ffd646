package io.wasmrun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.allocator.config.PoolingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Instances linked through {@link Linker#instance}, as the spec scripts' {@code register} does:
 * tags and functions with typed references are importable as they are, an exception that no
 * handler catches is a {@link Trap}, an import of an unknown type makes the module invalid, and
 * a module unloaded between instantiations still works.
 */
class InstanceLinkingTest {
    private static final String THROWER = """
            (module
              (type $t (func))
              (tag $e (export "e") (param i32))
              (func (export "throw") (param i32) (throw $e (local.get 0)))
              (func (export "typed") (param (ref null $t)) (result i32) (ref.is_null (local.get 0))))
            """;
    private static final String CATCHER = """
            (module
              (type $t (func))
              (import "thrower" "e" (tag $e (param i32)))
              (import "thrower" "throw" (func $throw (param i32)))
              (import "thrower" "typed" (func $typed (param (ref null $t)) (result i32)))
              (func (export "catch") (param i32) (result i32)
                (block $caught (result i32)
                  (try_table (catch $e $caught) (call $throw (local.get 0)))
                  (i32.const -1)))
              (func (export "null") (result i32) (call $typed (ref.null $t))))
            """;

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void registeredInstancesShareTagsAndTypedFunctions(Strategy strategy) {
        try (Engine engine = Engine.builder().strategy(strategy).build(); Store store = Store.create(engine)) {
            Instance thrower = new Linker().instantiate(store, module(engine, "thrower", THROWER));
            Tag tag = thrower.tag("e").orElseThrow();
            Instance catcher = new Linker().instance("thrower", thrower).instantiate(store, module(engine, "catcher", CATCHER));

            assertEquals(new TagType(FuncType.of(List.of(ValType.I32), List.of())), tag.type());
            assertInstanceOf(Tag.class, thrower.exports().get("e"));
            assertArrayEquals(new Val[] {Val.i32(7)}, catcher.requireFunc("catch").call(Val.i32(7)));
            assertArrayEquals(new Val[] {Val.i32(1)}, catcher.requireFunc("null").call());
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void anUncaughtExceptionIsATrap(Strategy strategy) {
        try (Engine engine = Engine.builder().strategy(strategy).build(); Store store = Store.create(engine)) {
            Func thrower = new Linker().instantiate(store, module(engine, "thrower", THROWER)).requireFunc("throw");

            Trap trap = assertThrows(Trap.class, () -> thrower.call(Val.i32(1)));
            assertEquals(TrapKind.UNCAUGHT_EXCEPTION, trap.kind());
            assertEquals("uncaught exception (tag 0)", trap.reason());
        }
    }

    @Test
    void anImportOfAnUnknownTypeIsAnInvalidModule() {
        byte[] binary = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, // header
            0x01, 0x01, 0x00, // no types
            0x02, 0x07, 0x01, 0x01, 'm', 0x01, 'f', 0x00, 0x01}; // import m.f of type 1
        try (Engine engine = Engine.create(); Store store = Store.create(engine)) {
            Module module = Module.fromBytes(engine, "unknown-type.wasm", binary);

            var invalid = assertThrows(ModuleLoadException.class, module::imports);
            assertEquals(ModuleLoadException.Kind.INVALID, invalid.kind());
            var instantiation = assertThrows(ModuleLoadException.class, () -> new Linker().instantiate(store, module));
            assertEquals(ModuleLoadException.Kind.INVALID, instantiation.kind());
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void anUnloadedModuleCanBeInstantiatedAgain(Strategy strategy) {
        try (Engine engine = Engine.builder().strategy(strategy).pooling(PoolingConfig.defaults()).build()) {
            Module module = module(engine, "data", """
                    (module (memory (export "memory") 1) (data (i32.const 0) "\\2a")
                      (func (export "load") (result i32) (i32.load8_u (i32.const 0))))
                    """);
            for (int round = 0; round < 2; round++) {
                try (Store store = Store.create(engine)) {
                    assertArrayEquals(new long[] {42}, new Linker().instantiate(store, module).requireFunc("load").callRaw());
                }
                module.unload();
            }
            assertEquals(0, engine.metrics().liveInstances());
        }
    }

    private static Module module(Engine engine, String name, String text) {
        return Module.fromBytes(engine, name + ".wat", text.getBytes(UTF_8));
    }
}
