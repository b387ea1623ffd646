package io.wasmrun.runtime.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.ModuleLoadException;
import io.wasmrun.Strategy;
import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pooling allocator under the runtime's API: concurrency, limits, traps. */
class PoolingRuntimeTest {
    private static final long MIB = 1 << 20;

    private static PoolingConfig config(int instances) {
        return PoolingConfig.builder()
                .totalCoreInstances(instances)
                .totalMemories(instances)
                .totalTables(instances)
                .maxMemorySize(MIB)
                .memoryGuardSize(64 * 1024)
                .build();
    }

    private static byte[] wasm(String name) throws IOException {
        try (InputStream in = PoolingRuntimeTest.class.getResourceAsStream("/pooling/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void concurrentCyclesNeverShareASlotNorLeak() throws Exception {
        int threads = 4;
        int cycles = 1500;
        try (var allocator = new PoolingInstanceAllocator(config(6));
                var runtime = WasmRuntime.builder().withStrategy(Strategy.COMPILER).withAllocator(allocator).build()) {
            LoadedModule module = runtime.load("data.wasm", wasm("data.wasm"));
            var inUse = new ConcurrentHashMap<Integer, Integer>();
            var memoryInUse = new ConcurrentHashMap<Long, Integer>();
            var failure = new AtomicReference<Throwable>();
            var limited = new AtomicInteger();
            var start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t + 1;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < cycles && failure.get() == null; i++) {
                            try (WasmInstance instance = runtime.instantiate(module, new Linker())) {
                                int slot = instance.slot().index();
                                if (inUse.putIfAbsent(slot, id) != null) {
                                    throw new AssertionError("instance slot " + slot + " used twice");
                                }
                                var segment = ((io.wasmrun.allocator.memory.SegmentMemory) instance.memory(0)).segment();
                                if (memoryInUse.putIfAbsent(segment.address(), id) != null) {
                                    throw new AssertionError("memory slot used twice");
                                }
                                // a fresh instance: the image, and nothing of a previous tenant
                                assertEquals('h', instance.call("load8", 100)[0]);
                                assertEquals(0, instance.call("load8", 200)[0]);
                                assertEquals(0, instance.call("load8", 65536 + 3)[0]);
                                instance.call("store8", 200, id);
                                instance.call("store8", 65536 + 3, id);
                                assertEquals(id, instance.call("load8", 200)[0]);
                                memoryInUse.remove(segment.address());
                                inUse.remove(slot);
                            } catch (WasmrunException e) {
                                if (!e.getMessage().contains("limit")) {
                                    throw e;
                                }
                                limited.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            AllocatorMetrics m = allocator.metrics();
            assertEquals(0, m.liveInstances());
            assertEquals(0, m.liveMemories());
            assertEquals(0, m.liveTables());
            assertEquals(0, m.liveStacks());
            assertEquals(0, limited.get(), "6 slots for 4 threads are never exhausted");
            assertTrue(m.unusedWarmSlots() > 0);
        }
    }

    @Test
    void exhaustionIsAnErrorNamingTheLimitAndLeaksNothing() throws Exception {
        try (var allocator = new PoolingInstanceAllocator(config(2));
                var runtime = WasmRuntime.builder().withAllocator(allocator).build()) {
            LoadedModule module = runtime.load("data.wasm", wasm("data.wasm"));
            try (var a = runtime.instantiate(module, new Linker());
                    var b = runtime.instantiate(module, new Linker())) {
                var e = assertThrows(WasmrunException.class, () -> runtime.instantiate(module, new Linker()));
                assertEquals(
                        "data.wasm: maximum concurrent core instance limit of 2 reached; raise"
                                + " --pooling-total-core-instances (--max-instances)",
                        e.getMessage());
                assertEquals(2, allocator.metrics().liveInstances());
            }
            assertEquals(new AllocatorMetrics(0, 0, 0, 0, 2, 0), allocator.metrics());
        }
    }

    @Test
    void modulesBeyondThePoolsLimitsAreRefusedWhenLoaded() throws Exception {
        try (var allocator = new PoolingInstanceAllocator(config(2).toBuilder().tableElements(2).build());
                var runtime = WasmRuntime.builder().withAllocator(allocator).build()) {
            var e = assertThrows(ModuleLoadException.class, () -> runtime.load("data.wasm", wasm("data.wasm")));
            assertTrue(e.getMessage().contains("--pooling-table-elements"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void deepRecursionTrapsOnAPooledStack(Strategy engine) throws Exception {
        var config = config(2).toBuilder().asyncStackSize(256 * 1024).build();
        try (var allocator = new PoolingInstanceAllocator(config);
                var runtime = WasmRuntime.builder().withStrategy(engine).withAllocator(allocator).build()) {
            LoadedModule module = runtime.load("recurse.wasm", wasm("recurse.wasm"));
            try (var instance = runtime.instantiate(module, new Linker())) {
                var trap = assertThrows(Trap.class, () -> instance.call("down", 0));
                assertEquals("call stack exhausted", trap.reason());
            }
            assertEquals(0, allocator.metrics().liveStacks());
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void interruptingTheCallerTrapsOnEitherStack(Strategy engine) throws Exception {
        for (long stack : new long[] {0, 512 * 1024}) {
            try (var allocator = new PoolingInstanceAllocator(config(2).toBuilder().asyncStackSize(stack).build());
                    var runtime = WasmRuntime.builder().withStrategy(engine).withAllocator(allocator).build()) {
                LoadedModule module = runtime.load("recurse.wasm", wasm("recurse.wasm"));
                try (var instance = runtime.instantiate(module, new Linker())) {
                    Thread caller = Thread.currentThread();
                    Thread timer = Thread.ofPlatform().start(() -> {
                        try {
                            Thread.sleep(150);
                            caller.interrupt();
                        } catch (InterruptedException ignored) {
                            // not reached
                        }
                    });
                    var trap = assertThrows(Trap.class, () -> instance.call("spin"));
                    assertEquals("interrupt", trap.reason(), "stack " + stack);
                    // the trap may leave the caller's interrupt status set (on the caller's own stack
                    // nothing clears it): clear it before joining, or join throws at once while the
                    // timer thread is still alive
                    Thread.interrupted();
                    timer.join();
                }
                assertEquals(0, allocator.metrics().liveInstances());
            }
        }
    }
}
