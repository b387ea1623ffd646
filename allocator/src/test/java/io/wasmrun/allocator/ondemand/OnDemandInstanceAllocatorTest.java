package io.wasmrun.allocator.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.allocator.sys.NativeCallException;
import io.wasmrun.allocator.testing.ProcMaps;
import io.wasmrun.allocator.testing.TestModules.Allocated;
import io.wasmrun.allocator.testing.TestModules.Engine;
import io.wasmrun.allocator.testing.TestModules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnDemandInstanceAllocatorTest {
    private static final int PAGE = Memory.PAGE_SIZE;
    private static final WasmModule MEMORY = TestModules.load("memory.wasm");
    private static final WasmModule ATOMICS = TestModules.load("atomics.wasm");

    private static Allocated instantiate(OnDemandInstanceAllocator allocator, Engine engine) {
        return TestModules.instantiate(allocator, "memory.wasm", MEMORY, engine);
    }

    private static void assertTrap(Runnable call) {
        ChicoryException e = assertThrows(ChicoryException.class, call::run);
        assertTrue(e.getMessage().contains("out of bounds memory access"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void loadsStoresAndDataSegments(Engine engine) {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator();
                Allocated wasm = instantiate(allocator, engine)) {
            assertInstanceOf(SegmentMemory.class, wasm.instance().memory());
            assertEquals('h', wasm.call("load8", 16));
            assertEquals(
                    "hello", wasm.instance().memory().readString(16, 5, StandardCharsets.US_ASCII));
            long edge = wasm.call("load32", PAGE - 4);
            assertEquals('d' | 'g' << 8 | 'e' << 16 | '!' << 24, edge, "\"edge!\" ends the page");
            assertTrap(() -> wasm.call("load32", PAGE - 3));
            assertTrap(() -> wasm.call("load8", PAGE));
            assertTrap(() -> wasm.call("load32", -1));
            assertTrap(() -> wasm.call("load32_offset16", PAGE - 16));
            assertTrap(() -> wasm.call("load32_offset16", 0x7FFFFFF0));
            assertTrap(() -> wasm.call("load32_offset16", 0xFFFFFFF0L));

            wasm.run("store64", 1001, 0x1122334455667788L);
            assertEquals(0x1122334455667788L, wasm.call("load64", 1001));
            wasm.run("store8", 2001, 0x80);
            assertEquals(-32768, (int) wasm.call("load16_s", 2000));
            wasm.run("storef32", 3000, Float.floatToRawIntBits(2.5f));
            assertEquals(2.5f, wasm.instance().memory().readFloat(3000));
            wasm.instance().memory().writeF64(3008, 6.25);
            assertEquals(6.25, Double.longBitsToDouble(wasm.call("loadf64", 3008)));
            assertEquals('h', wasm.call("call_indirect0", 16), "through the allocated table");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void growFillCopyInitAndDrop(Engine engine) {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator();
                Allocated wasm = instantiate(allocator, engine)) {
            Memory memory = wasm.instance().memory();
            assertEquals(1, wasm.call("size"));
            assertEquals(1, wasm.call("grow", 2));
            assertEquals(3, wasm.call("size"));
            assertEquals(-1, wasm.call("grow", 2), "declared maximum is 4");
            assertEquals(3, wasm.call("grow", 1));
            assertEquals(-1, wasm.call("grow", 1));
            assertEquals(0, wasm.call("load32", 4 * PAGE - 4));

            wasm.run("fill", PAGE - 2, 0xAB, 4);
            assertEquals(0xABABABABL, wasm.call("load32", PAGE - 2) & 0xFFFFFFFFL);
            assertTrap(() -> wasm.run("fill", 4 * PAGE - 1, 0, 2));

            memory.writeString(500, "abcdef");
            wasm.run("copy", 502, 500, 4);
            assertEquals("ababcd", memory.readString(500, 6));
            assertTrap(() -> wasm.run("copy", 0, 4 * PAGE - 1, 2));

            wasm.run("init", 700, 2, 5);
            assertEquals("ssive", memory.readString(700, 5));
            assertTrap(() -> wasm.run("init", 700, 4, 5));
            wasm.run("drop");
            assertTrap(() -> wasm.run("init", 700, 0, 1));
            wasm.run("init", 700, 0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sharedMemoryAtomicsFromWasm(Engine engine) {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator();
                Allocated wasm = TestModules.instantiate(allocator, "atomics.wasm", ATOMICS, engine)) {
            Memory memory = wasm.instance().memory();
            assertTrue(memory.shared());
            long base = ((SegmentMemory) memory).segment().address();
            assertEquals(0, wasm.call("add", 8, 5));
            assertEquals(5, wasm.call("add", 8, 2));
            assertEquals(7, wasm.call("load", 8));
            assertEquals(0, wasm.call("add8", 17, 300));
            assertEquals(300 & 0xFF, memory.read(17) & 0xFF);
            assertEquals(0, wasm.call("cmpxchg64", 24, 0, 9));
            assertEquals(9, memory.readLong(24));
            assertEquals(1, wasm.call("wait", 8, 6, 0), "not equal");
            assertEquals(2, wasm.call("wait", 8, 7, 1000), "timed out");
            assertEquals(0, wasm.call("notify", 8, 1));
            assertEquals(1, wasm.call("grow", 1));
            assertEquals(base, ((SegmentMemory) memory).segment().address(), "shared never moves");
            assertThrows(ChicoryException.class, () -> wasm.call("add", 2, 1), "unaligned");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoriesOutgrowingASmallReservationMoveWithTheirContents(Engine engine) {
        OnDemandConfig config =
                OnDemandConfig.builder()
                        .memoryReservation(0)
                        .memoryReservationForGrowth(0)
                        .memoryGuardSize(PAGE)
                        .build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config);
                Allocated wasm = instantiate(allocator, engine)) {
            SegmentMemory memory = (SegmentMemory) wasm.instance().memory();
            assertEquals(PAGE, memory.backing().byteCapacity(), "minimum + no growth room");
            wasm.run("store32", PAGE - 4, 0x12345678);
            for (int pages = 1; pages < 4; pages++) {
                assertEquals(pages, wasm.call("grow", 1));
                assertEquals((long) (pages + 1) * PAGE, memory.backing().byteCapacity());
                assertEquals(0x12345678, wasm.call("load32", PAGE - 4));
                assertEquals('h', wasm.call("load8", 16));
                wasm.run("store32", (pages + 1) * PAGE - 4, pages);
            }
            assertEquals(1, wasm.call("load32", 2 * PAGE - 4));
            assertEquals(3, wasm.call("load32", 4 * PAGE - 4));
        }
    }

    @Test
    void countsWhatIsLiveAndGivesEverythingBack() {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator()) {
            List<Allocated> instances = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                instances.add(instantiate(allocator, Engine.INTERPRETER));
            }
            assertEquals(new AllocatorMetrics(3, 3, 3, 0, 0, 0), allocator.metrics());
            assertEquals(3, allocator.liveCoreInstances());
            assertNotEquals(
                    ((SegmentMemory) instances.get(0).instance().memory()).segment().address(),
                    ((SegmentMemory) instances.get(1).instance().memory()).segment().address());
            instances.forEach(Allocated::close);
            assertEquals(new AllocatorMetrics(0, 0, 0, 0, 0, 0), allocator.metrics());
            assertEquals("on-demand", allocator.name());
            assertTrue(allocator.nextAvailablePkey().isEmpty());
        }
    }

    @Test
    void tableGrowthInOneInstanceDoesNotLeakIntoTheNext() {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator()) {
            try (Allocated first = instantiate(allocator, Engine.INTERPRETER)) {
                assertEquals(2, first.instance().table(0).size());
                assertEquals(2, first.instance().table(0).grow(3, 0, first.instance()));
                assertEquals(5, first.instance().table(0).size());
            }
            try (Allocated second = instantiate(allocator, Engine.INTERPRETER)) {
                assertEquals(2, second.instance().table(0).size());
                assertEquals(2, second.instance().table(0).limits().min());
            }
        }
    }

    @Test
    void aTableGrowsByAnUnsignedDeltaOrReturnsMinusOne() {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator();
                Allocated allocated = instantiate(allocator, Engine.INTERPRETER)) {
            var table = allocated.instance().table(0);
            // Chicory's TableInstance added size + delta as ints: NegativeArraySizeException
            assertEquals(-1, table.grow(Integer.MAX_VALUE, 0, allocated.instance()));
            assertEquals(-1, table.grow(Integer.MAX_VALUE - 1, 0, allocated.instance()));
            assertEquals(-1, table.grow(-1, 0, allocated.instance()), "0xFFFFFFFF elements");
            assertEquals(-1, table.grow(Integer.MIN_VALUE, 0, allocated.instance()));
            assertEquals(-1, table.grow((int) table.limits().max() - 1, 0, allocated.instance()));
            assertEquals(2, table.size());
            assertEquals(2, table.grow(3, 0, allocated.instance()));
            assertEquals(5, table.size());
        }
    }

    @Test
    void aDataSegmentPastTheMemoryFailsInstantiationAndLeaksNothing() {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator()) {
            WasmModule module = TestModules.load("oob-data.wasm");
            UninstantiableException e =
                    assertThrows(
                            UninstantiableException.class,
                            () ->
                                    TestModules.instantiate(
                                            allocator, "oob-data.wasm", module, Engine.INTERPRETER));
            assertTrue(e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
            assertEquals(new AllocatorMetrics(0, 0, 0, 0, 0, 0), allocator.metrics());
        }
    }

    @Test
    void aMinimumAboveMaxMemorySizeIsRefusedNamingTheOption() {
        OnDemandConfig config = OnDemandConfig.builder().maxMemorySize(PAGE - 1).build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config)) {
            LimitExceededException e =
                    assertThrows(
                            LimitExceededException.class,
                            () -> instantiate(allocator, Engine.INTERPRETER));
            assertEquals(
                    "memory 0 of memory.wasm needs 64 KiB initially, more than --max-memory-size"
                            + " allows (65535 bytes (64.0 KiB))",
                    e.getMessage());
            assertEquals(0, allocator.liveCoreInstances());
        }
    }

    @Test
    void growthStopsAtMaxMemorySize() {
        OnDemandConfig config = OnDemandConfig.builder().maxMemorySize(2L * PAGE).build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config);
                Allocated wasm = instantiate(allocator, Engine.COMPILER)) {
            assertEquals(2, wasm.instance().memory().maximumPages());
            assertEquals(1, wasm.call("grow", 1));
            assertEquals(-1, wasm.call("grow", 1));
        }
    }

    @Test
    void aReservationTheOsRefusesIsACleanError() {
        OnDemandConfig config = OnDemandConfig.builder().memoryGuardSize(1L << 56).build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config)) {
            LimitExceededException e =
                    assertThrows(
                            LimitExceededException.class,
                            () -> instantiate(allocator, Engine.INTERPRETER));
            assertInstanceOf(NativeCallException.class, e.getCause());
            assertTrue(
                    e.getMessage().startsWith("cannot reserve 256 KiB (+ 64 PiB guard) for memory 0 of memory.wasm: mmap("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Cannot allocate memory"), e.getMessage());
            assertTrue(e.getMessage().contains("ulimit -v"), e.getMessage());
            assertEquals(new AllocatorMetrics(0, 0, 0, 0, 0, 0), allocator.metrics());
        }
    }

    @Test
    void tenThousandAllocateReleaseCyclesLeaveNoMapping() {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator()) {
            for (int i = 0; i < 100; i++) {
                instantiate(allocator, Engine.INTERPRETER).close();
            }
            int before = ProcMaps.count();
            for (int i = 0; i < 10_000; i++) {
                instantiate(allocator, Engine.INTERPRETER).close();
            }
            int after = ProcMaps.count();
            assertTrue(after - before < 50, "mappings went from " + before + " to " + after);
            assertEquals(0, allocator.metrics().liveMemories());
        }
    }

    @Test
    void aClosedAllocatorRefusesNewWork() {
        OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator();
        allocator.close();
        assertThrows(IllegalStateException.class, () -> instantiate(allocator, Engine.INTERPRETER));
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(
                IllegalArgumentException.class,
                () -> OnDemandConfig.builder().memoryGuardSize(-1).build());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OnDemandConfig.builder().maxMemorySize(4L << 30).build());
        assertTrue(e.getMessage().contains("32767"), e.getMessage());
        OnDemandConfig defaults = OnDemandConfig.defaults();
        assertEquals(OnDemandConfig.MAX_MEMORY_BYTES, defaults.memoryReservation());
        assertEquals(32L << 20, defaults.memoryGuardSize());
        assertEquals(128L << 20, defaults.memoryReservationForGrowth());
        assertEquals(OnDemandConfig.MAX_MEMORY_BYTES, defaults.maxMemorySize());
        assertEquals(0, defaults.maxWasmStack());
        assertTrue(defaults.memoryCreator().isEmpty());
    }
}
