package io.wasmrun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A store owns its instances, limits and interruption. */
class StoreTest {
    private static final byte[] SPIN = """
            (module
              (import "host" "started" (func $started))
              (func (export "spin") (call $started) (loop $l (br $l))))
            """.getBytes(UTF_8);
    private static final byte[] GROWS = """
            (module
              (memory (export "memory") 1)
              (table 1 funcref)
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              (func (export "table.grow") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))
            """.getBytes(UTF_8);
    private static final byte[] EXPORTS_MEMORY = "(module (memory (export \"memory\") 1))".getBytes(UTF_8);
    private static final byte[] IMPORTS_MEMORY = """
            (module
              (import "lib" "memory" (memory 1))
              (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0))))
            """.getBytes(UTF_8);

    private static Linker spinLinker(CountDownLatch started) {
        return new Linker().func("host", "started", FuncType.of(List.of(), List.of()), (caller, args) -> {
            started.countDown();
            return new Val[0];
        });
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aTimeoutInterruptsAnEndlessCall(Strategy strategy) {
        try (Engine engine = Engine.builder().strategy(strategy).build(); Store store = Store.create(engine)) {
            store.setTimeout(Duration.ofMillis(200));
            Instance instance = spinLinker(new CountDownLatch(1)).instantiate(store, Module.fromBytes(engine, "spin.wat", SPIN));

            Trap trap = assertThrows(Trap.class, () -> instance.requireFunc("spin").call());
            assertEquals(TrapKind.INTERRUPT, trap.kind());
            assertEquals("interrupt (the store's timeout of 200ms elapsed)", trap.reason());
            assertFalse(Thread.currentThread().isInterrupted(), "no interrupt leaks into the host");
        }
    }

    /** Both engines, with guests on a stack thread of their own and on the calling thread. */
    static Stream<Arguments> enginesAndStacks() {
        return Stream.of(Strategy.values()).flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    @ParameterizedTest
    @MethodSource("enginesAndStacks")
    void interruptStopsCallsFromAnotherThread(Strategy strategy, boolean stackThread) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        var stacks = stackThread ? OnDemandConfig.defaults() : OnDemandConfig.builder().maxWasmStack(0).build();
        try (Engine engine = Engine.builder().strategy(strategy).onDemand(stacks).build(); Store store = Store.create(engine)) {
            var started = new CountDownLatch(1);
            Instance instance = spinLinker(started).instantiate(store, Module.fromBytes(engine, "spin.wat", SPIN));

            Future<Trap> call = caller.submit(() -> assertThrows(Trap.class, () -> instance.requireFunc("spin").call()));
            assertTrue(started.await(120, TimeUnit.SECONDS), "the guest started");
            store.interrupt();
            assertEquals(TrapKind.INTERRUPT, call.get(120, TimeUnit.SECONDS).kind());
            assertFalse(caller.submit(() -> Thread.currentThread().isInterrupted()).get(),
                    "the interrupt ended with the call, not in the calling thread's next task");
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void limitsCapInstancesMemoriesAndTables() {
        var limits = StoreLimits.unlimited().withMaxInstances(2).withMaxMemoryBytes(3 * 65536).withMaxTableElements(4);
        try (Engine engine = Engine.create(); Store store = Store.create(engine, limits)) {
            Module module = Module.fromBytes(engine, "grows.wat", GROWS);
            Instance instance = new Linker().instantiate(store, module);

            assertEquals(1, instance.requireFunc("grow").call(Val.i32(2))[0].i32());
            assertEquals(-1, instance.requireFunc("grow").call(Val.i32(1))[0].i32(), "past the store's 3 pages");
            assertEquals(1, instance.requireFunc("table.grow").call(Val.i32(3))[0].i32());
            assertEquals(-1, instance.requireFunc("table.grow").call(Val.i32(1))[0].i32(), "past the store's 4 elements");
            new Linker().instantiate(store, module);
            var third = assertThrows(WasmrunException.class, () -> new Linker().instantiate(store, module));
            assertEquals("grows.wat: the store holds 2 instances, as many as its limits allow", third.getMessage());
        }
        try (Engine engine = Engine.create();
                Store store = Store.create(engine, StoreLimits.unlimited().withMaxMemoryBytes(65535))) {
            var tooBig = assertThrows(WasmrunException.class,
                    () -> new Linker().instantiate(store, Module.fromBytes(engine, "grows.wat", GROWS)));
            assertEquals("grows.wat: memory 0 needs 1 pages initially, more than the store allows (0)", tooBig.getMessage());
            assertEquals(0, engine.metrics().liveInstances(), "the failed instance returned its slot");
            assertTrue(engine.poolingMetrics().isEmpty(), "the on-demand allocator has no pooling counters");
        }
    }

    @Test
    void closingTheStoreReturnsEveryInstance() {
        try (Engine engine = Engine.builder().pooling(PoolingConfig.defaults()).build()) {
            Module module = Module.fromBytes(engine, "grows.wat", GROWS);
            Store store = Store.create(engine);
            Instance first = new Linker().instantiate(store, module);
            new Linker().instantiate(store, module);
            assertEquals(2, engine.metrics().liveInstances());
            assertEquals(2, engine.poolingMetrics().orElseThrow().coreInstances());

            first.close();
            assertEquals(1, store.instances().size());
            assertEquals(1, engine.metrics().liveInstances());
            store.close();
            assertEquals(0, engine.metrics().liveInstances());
            assertEquals(0, engine.poolingMetrics().orElseThrow().coreInstances());
            assertThrows(IllegalStateException.class, () -> new Linker().instantiate(store, module));
        }
    }

    @Test
    void exportsLinkWithinTheirStoreOnly() {
        try (Engine engine = Engine.create(); Store store = Store.create(engine); Store other = Store.create(engine)) {
            Instance lib = new Linker().instantiate(store, Module.fromBytes(engine, "lib.wat", EXPORTS_MEMORY));
            lib.memory("memory").orElseThrow().writeByte(7, (byte) 42);
            Linker linker = new Linker().instance("lib", lib);
            Module user = Module.fromBytes(engine, "user.wat", IMPORTS_MEMORY);

            assertEquals(42, linker.instantiate(store, user).requireFunc("peek").call(Val.i32(7))[0].i32());
            var error = assertThrows(LinkException.class, () -> linker.instantiate(other, user));
            assertEquals("user.wat: import `lib`.`memory` is defined as an export of an instance in another store",
                    error.getMessage());
        }
    }
}
