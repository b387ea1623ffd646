package io.wasmrun.allocator.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Value;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.StoreContext;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.config.PoolingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolingInstanceAllocatorTest {
    private static final long MIB = 1 << 20;

    static PoolingConfig small() {
        return PoolingConfig.builder()
                .totalCoreInstances(4)
                .totalMemories(4)
                .totalTables(4)
                .totalStacks(4)
                .maxMemorySize(MIB)
                .memoryGuardSize(64 * 1024)
                .build();
    }

    @Test
    void defaultConfigurationReservesItsAddressSpace() {
        try (var allocator = new PoolingInstanceAllocator()) {
            SlabLayout layout = allocator.memoryPool().layout();
            assertEquals(1000, layout.slots());
            assertEquals(PoolingConfig.MAX_MEMORY_BYTES, layout.reservationBytes());
            assertEquals(PoolingConfig.MAX_MEMORY_BYTES + 32 * MIB, layout.slotBytes());
            assertEquals(1000 * layout.slotBytes(), layout.totalBytes(), "about 2 TiB of address space");
            ModuleInfo data = Tenant.module("data.wasm");
            try (Tenant t = Tenant.of(allocator, data)) {
                assertEquals('h', t.call("load8", 100));
            }
        }
    }

    @Test
    void refusesMoreMappingsThanTheKernelAllows() {
        var config =
                PoolingConfig.builder().totalMemories(20_000).maxMemorySize(64 * 1024).build();
        var e = assertThrows(LimitExceededException.class, () -> new PoolingInstanceAllocator(config));
        assertTrue(e.getMessage().contains("vm.max_map_count"), e.getMessage());
        assertTrue(e.getMessage().contains("--pooling-total-memories"), e.getMessage());
    }

    @Test
    void refusesAReservationTheKernelCannotGive() {
        // 4000 slots of 2 GiB + 64 TiB guard: far beyond a 47-bit address space
        var config = PoolingConfig.builder().totalMemories(4000).memoryGuardSize(64L << 40).build();
        var e = assertThrows(LimitExceededException.class, () -> new PoolingInstanceAllocator(config));
        assertTrue(e.getMessage().startsWith("cannot reserve"), e.getMessage());
        assertTrue(e.getMessage().contains("--memory-guard-size"), e.getMessage());
    }

    @Test
    void validationNamesTheLimitAndItsOption() {
        try (var allocator = new PoolingInstanceAllocator(small())) {
            var two = assertThrows(
                    LimitExceededException.class,
                    () -> allocator.validateModule(Tenant.module("two-memories.wasm")));
            assertTrue(two.getMessage().contains("defines 2 memories"), two.getMessage());
            assertTrue(two.getMessage().contains("--pooling-max-memories-per-module"));
            var big = assertThrows(
                    LimitExceededException.class,
                    () -> allocator.validateModule(Tenant.module("big.wasm")));
            assertTrue(big.getMessage().contains("100 pages"), big.getMessage());
            assertTrue(big.getMessage().contains("--pooling-max-memory-size"));
        }
        var config = small().toBuilder().maxMemorySize(8 * MIB).maxMemoriesPerModule(2).maxTablesPerModule(1).build();
        try (var allocator = new PoolingInstanceAllocator(config)) {
            var tables = assertThrows(
                    LimitExceededException.class,
                    () -> allocator.validateModule(Tenant.module("two-memories.wasm")));
            assertTrue(tables.getMessage().contains("--pooling-max-tables-per-module"));
            var elements = assertThrows(
                    LimitExceededException.class,
                    () -> allocator.validateModule(Tenant.module("big.wasm")));
            assertTrue(elements.getMessage().contains("30000 elements"), elements.getMessage());
            assertTrue(elements.getMessage().contains("--pooling-table-elements"));
        }
    }

    @Test
    void exhaustionFailsFastAndLeaksNothing() {
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small())) {
            List<Tenant> live = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                live.add(Tenant.of(allocator, data));
            }
            var e = assertThrows(LimitExceededException.class, () -> Tenant.of(allocator, data));
            assertEquals(
                    "maximum concurrent core instance limit of 4 reached; raise"
                            + " --pooling-total-core-instances (--max-instances)",
                    e.getMessage());
            assertEquals(new AllocatorMetrics(4, 4, 4, 4, 0, 0), allocator.metrics());
            live.forEach(Tenant::close);
            assertEquals(0, allocator.liveCoreInstances());
        }
        // memories run out before instances: the half-made instance gives its slot back
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalCoreInstances(8).totalTables(8).build())) {
            List<Tenant> live = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                live.add(Tenant.of(allocator, data));
            }
            var e = assertThrows(LimitExceededException.class, () -> Tenant.of(allocator, data));
            assertEquals(
                    "maximum concurrent memory limit of 4 reached; raise --pooling-total-memories",
                    e.getMessage());
            AllocatorMetrics m = allocator.metrics();
            assertEquals(4, m.liveInstances());
            assertEquals(4, m.liveTables(), "the failed instance's table was given back");
            live.forEach(Tenant::close);
            m = allocator.metrics();
            assertEquals(0, m.liveInstances() + m.liveMemories() + m.liveTables() + m.liveStacks());
        }
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalTables(1).build())) {
            try (Tenant t = Tenant.of(allocator, data)) {
                var e = assertThrows(LimitExceededException.class, () -> Tenant.of(allocator, data));
                assertTrue(e.getMessage().contains("--pooling-total-tables"), e.getMessage());
            }
        }
    }

    @Test
    void reusedSlotReadsAsAFreshInstance() {
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalMemories(1).build())) {
            int slot;
            try (Tenant t = Tenant.of(allocator, data)) {
                slot = t.memorySlot();
                assertEquals(2, t.call("grow", 3), "grows in place");
                t.call("fill", 0xAB);
                assertEquals(0xAB, t.call("load8", 100));
                assertEquals(0xAB, t.call("load8", 5 * 65536 - 1));
                t.call("set_table", 0);
                t.call("table_grow", 2);
            }
            try (Tenant t = Tenant.of(allocator, data)) {
                assertEquals(slot, t.memorySlot());
                assertEquals(2, t.call("size"));
                assertPristineData(t.memory());
                assertEquals(4, t.call("table_size"));
                assertEquals(1, t.call("is_null", 0));
                assertEquals('h', t.call("call1", 100), "element segment applied");
                assertThrows(ChicoryException.class, () -> t.call("load8", 2 * 65536));
            }
            // another module in the same slot: no image, all zeros
            try (Tenant t = Tenant.of(allocator, Tenant.module("nodata.wasm"))) {
                assertEquals(slot, t.memorySlot());
                for (int addr = 0; addr < 65536; addr += 97) {
                    assertEquals(0, t.call("load8", addr));
                }
                assertEquals(0, t.call("load8", 100));
                t.call("store8", 7, 9);
            }
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
            }
        }
    }

    @Test
    void keepResidentBytesAreZeroedToo() {
        ModuleInfo eager = Tenant.module("imported-offset.wasm");
        var imports = importsWithBase(10);
        var config = small().toBuilder().totalMemories(1).memoryKeepResident(32 * 1024).build();
        try (var allocator = new PoolingInstanceAllocator(config)) {
            try (Tenant t = Tenant.of(allocator, eager, imports, null)) {
                assertNull(allocator.memoryPool().slotImage(t.memorySlot()));
                assertEquals('a', t.call("load8", 10));
                t.call("fill", 0x5A);
            }
            assertEquals(32 * 1024, allocator.metrics().residentBytes());
            try (Tenant t = Tenant.of(allocator, eager, importsWithBase(1000), null)) {
                assertEquals(0, allocator.metrics().residentBytes());
                byte[] bytes = t.memory().readBytes(0, 65536);
                for (int i = 0; i < bytes.length; i++) {
                    byte expected = switch (i) {
                        case 1000 -> 'a';
                        case 1001 -> 'b';
                        case 1002 -> 'c';
                        default -> 0;
                    };
                    assertEquals(expected, bytes[i], "byte " + i);
                }
            }
        }
    }

    @Test
    void copyOnWriteInstancesSeeTheirDataAndKeepTheirWritesPrivate() {
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small())) {
            try (Tenant a = Tenant.of(allocator, data);
                    Tenant b = Tenant.of(allocator, data)) {
                assertNotEquals(a.memorySlot(), b.memorySlot());
                MemoryImage image = allocator.memoryPool().slotImage(a.memorySlot());
                assertNotNull(image);
                assertTrue(image.isMapped());
                assertSame(image, allocator.memoryPool().slotImage(b.memorySlot()));
                assertPristineData(a.memory());
                a.call("store8", 100, 'J');
                a.call("store8", 70001, 'X');
                assertEquals('J', a.call("load8", 100));
                assertEquals('h', b.call("load8", 100));
                assertEquals('o', b.call("load8", 70001));
                b.call("fill", 1);
                assertEquals('J', a.call("load8", 100));
                assertEquals(0, a.call("load8", 50));
            }
            try (Tenant c = Tenant.of(allocator, data)) {
                assertPristineData(c.memory());
            }
        }
    }

    @Test
    void dataThatDependsOnAnImportedGlobalOrDoesNotFitIsCopied() {
        try (var allocator = new PoolingInstanceAllocator(small())) {
            ModuleInfo eager = Tenant.module("imported-offset.wasm");
            assertNull(allocator.memoryPool().image(eager, 0));
            try (Tenant t = Tenant.of(allocator, eager, importsWithBase(7), null)) {
                assertEquals('c', t.call("load8", 9));
            }
            ModuleInfo oob = Tenant.module("oob-data.wasm");
            assertNull(allocator.memoryPool().image(oob, 0));
            assertThrows(RuntimeException.class, () -> Tenant.of(allocator, oob));
            assertSame(MemoryImage.EMPTY, allocator.memoryPool().image(Tenant.module("nodata.wasm"), 0));
            assertEquals(0, allocator.metrics().liveMemories());
            assertEquals(0, allocator.liveCoreInstances());
        }
    }

    @Test
    void aFreedSlotGoesBackToTheSameModule() {
        ModuleInfo data = Tenant.module("data.wasm");
        ModuleInfo other = Tenant.module("nodata.wasm");
        try (var allocator = new PoolingInstanceAllocator(small())) {
            int slot;
            try (Tenant t = Tenant.of(allocator, data)) {
                slot = t.memorySlot();
            }
            try (Tenant o = Tenant.of(allocator, other)) {
                assertNotEquals(slot, o.memorySlot(), "a cold slot, the warm one stays affine");
            }
            try (Tenant t = Tenant.of(allocator, data)) {
                assertEquals(slot, t.memorySlot());
            }
            assertEquals(2, allocator.metrics().unusedWarmSlots());
        }
    }

    @Test
    void purgeDropsTheImageFromFreeSlots() {
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small())) {
            int slot;
            Tenant live = Tenant.of(allocator, data);
            try (Tenant t = Tenant.of(allocator, data)) {
                slot = t.memorySlot();
            }
            MemoryImage image = allocator.memoryPool().slotImage(slot);
            assertNotNull(image);
            allocator.purgeModule(data.id());
            assertFalse(allocator.memoryPool().hasImages(data.id()));
            assertTrue(image.isClosed());
            assertNull(allocator.memoryPool().slotImage(slot), "free slot remapped");
            assertEquals('h', live.call("load8", 100), "a live instance keeps its mapping");
            int liveSlot = live.memorySlot();
            live.close();
            assertNull(allocator.memoryPool().slotImage(liveSlot), "dropped when freed");
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
                assertNotSame(image, allocator.memoryPool().slotImage(t.memorySlot()));
            }
        }
    }

    @Test
    void decommitQueueResetsInBatchesAndFlushesWhenThePoolRunsDry() {
        ModuleInfo data = Tenant.module("data.wasm");
        var config = small().toBuilder().decommitBatchSize(3).totalCoreInstances(8).totalTables(8).build();
        try (var allocator = new PoolingInstanceAllocator(config)) {
            List<Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Tenant t = Tenant.of(allocator, data);
                t.call("fill", 0x11);
                tenants.add(t);
            }
            tenants.get(0).close();
            tenants.get(1).close();
            assertEquals(2, allocator.poolingMetrics().pendingMemoryResets());
            assertEquals(0, allocator.metrics().unusedWarmSlots(), "not free before their reset");
            // every slot is live or queued: allocation flushes the queue instead of failing
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
                assertEquals(0, allocator.poolingMetrics().pendingMemoryResets());
            }
            tenants.get(2).close();
            tenants.get(3).close();
            allocator.flushDecommitQueue();
            assertEquals(4, allocator.metrics().unusedWarmSlots());
        }
    }

    @Test
    void tablesAreClearedAndTheirArraysKeptWhenSmall() {
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalTables(1).build())) {
            Object table;
            try (Tenant t = Tenant.of(allocator, data)) {
                table = t.tables.get(0).table();
                t.call("set_table", 3);
                assertEquals(0, t.call("is_null", 3));
            }
            assertTrue(allocator.poolingMetrics().unusedTableBytesResident() > 0);
            try (Tenant t = Tenant.of(allocator, data)) {
                assertSame(table, t.tables.get(0).table(), "the same table object is reused");
                assertEquals(1, t.call("is_null", 3));
                assertEquals(0, t.call("is_null", 1), "element segment");
            }
        }
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().tableKeepResident(0).build())) {
            try (Tenant t = Tenant.of(allocator, data)) {
                t.call("set_table", 3);
            }
            assertEquals(0, allocator.poolingMetrics().unusedTableBytesResident());
        }
    }

    @Test
    void deepRecursionExhaustsAPooledStack() {
        var config = small().toBuilder().asyncStackSize(256 * 1024).totalStacks(1).build();
        try (var allocator = new PoolingInstanceAllocator(config);
                Tenant t = Tenant.of(allocator, Tenant.module("recurse.wasm"))) {
            assertTrue(t.stack instanceof PooledStack);
            assertEquals(256 * 1024, t.stack.sizeBytes());
            var e = assertThrows(ChicoryException.class, () -> t.call("down", 0));
            assertTrue(e.getMessage().contains("call stack exhausted"), e.getMessage());
            assertEquals(1, allocator.metrics().liveStacks());
            var busy = assertThrows(LimitExceededException.class, allocator::allocateStack);
            assertTrue(busy.getMessage().contains("maximum concurrent stack limit of 1"), busy.getMessage());
            assertTrue(busy.getMessage().contains("--pooling-total-stacks"));
        }
    }

    @Test
    void aCallerWaitsForAStackWhenConfiguredTo() throws Exception {
        var config =
                small().toBuilder().asyncStackSize(256 * 1024).totalStacks(1).stackWait(java.time.Duration.ofSeconds(5)).build();
        try (var allocator = new PoolingInstanceAllocator(config)) {
            var first = allocator.allocateStack();
            var waiter = new Thread(() -> {
                var second = allocator.allocateStack();
                assertSame(first, second, "the freed thread is handed on");
                allocator.deallocateStack(second);
            });
            waiter.start();
            Thread.sleep(100);
            assertTrue(waiter.isAlive());
            allocator.deallocateStack(first);
            waiter.join(5000);
            assertFalse(waiter.isAlive());
            assertEquals(0, allocator.metrics().liveStacks());
        }
    }

    @Test
    void interruptingTheCallerStopsTheCallOnItsStack() throws Exception {
        var config = small().toBuilder().asyncStackSize(512 * 1024).build();
        try (var allocator = new PoolingInstanceAllocator(config);
                Tenant t = Tenant.of(allocator, Tenant.module("recurse.wasm"))) {
            Thread caller = Thread.currentThread();
            Thread timer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    return;
                }
                caller.interrupt();
            });
            var e = assertThrows(ChicoryException.class, () -> t.call("spin"));
            assertEquals("Thread interrupted", e.getMessage());
            assertTrue(Thread.interrupted(), "the caller keeps its interrupt");
            timer.join();
            // the stack thread is not left interrupted: the next call runs normally
            var overflow = assertThrows(ChicoryException.class, () -> t.call("down", 0));
            assertTrue(overflow.getMessage().contains("call stack exhausted"), overflow.getMessage());
        }
    }

    static void assertPristineData(Memory memory) {
        byte[] bytes = memory.readBytes(0, 2 * 65536);
        for (int i = 0; i < bytes.length; i++) {
            byte expected = 0;
            if (i >= 100 && i < 105) {
                expected = (byte) "hello".charAt(i - 100);
            } else if (i >= 70000 && i < 70005) {
                expected = (byte) "world".charAt(i - 70000);
            }
            if (bytes[i] != expected) {
                throw new AssertionError("byte " + i + " is " + bytes[i] + ", expected " + expected);
            }
        }
    }

    static void assertNotSame(Object a, Object b) {
        assertFalse(a == b);
    }

    static ImportValues importsWithBase(int base) {
        return ImportValues.builder()
                .addGlobal(
                        new ImportGlobal(
                                "env",
                                "base",
                                new GlobalInstance(Value.i32(base))))
                .build();
    }

    @SuppressWarnings("unused")
    private static AllocationRequest request(ModuleInfo module) {
        return new AllocationRequest(module, new StoreContext(1, null));
    }
}
