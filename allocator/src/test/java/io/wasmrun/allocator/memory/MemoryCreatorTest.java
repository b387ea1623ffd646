package io.wasmrun.allocator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.wasmrun.allocator.config.LinearMemory;
import io.wasmrun.allocator.config.DeclaredMemory;
import io.wasmrun.allocator.config.MemoryCreator;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.testing.TestModules.Allocated;
import io.wasmrun.allocator.testing.TestModules.Engine;
import io.wasmrun.allocator.testing.TestModules;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryCreatorTest {

    /** Host memory: one arena allocation of the maximum size, grown by moving a size marker. */
    static final class HostMemory implements LinearMemory {
        final Arena arena = Arena.ofShared();
        final MemorySegment bytes;
        long size;
        boolean closed;

        HostMemory(long minimum, long maximum) {
            bytes = arena.allocate(maximum, 8);
            size = minimum;
        }

        @Override
        public MemorySegment segment() {
            return bytes;
        }

        @Override
        public long byteSize() {
            return size;
        }

        @Override
        public long byteCapacity() {
            return bytes.byteSize();
        }

        @Override
        public void growTo(long newByteSize) {
            if (newByteSize > bytes.byteSize()) {
                throw new IllegalArgumentException("host memory is full");
            }
            size = newByteSize;
        }

        @Override
        public void close() {
            closed = true;
            arena.close();
        }
    }

    @Test
    void aHeapSegmentIsRefusedBecauseAccessesUseNativeAddresses() {
        MemoryCreator onHeap =
                (type, minimum, maximum, reserved, guard) ->
                        new LinearMemory() {
                            final MemorySegment bytes = MemorySegment.ofArray(new byte[(int) minimum]);

                            @Override
                            public MemorySegment segment() {
                                return bytes;
                            }

                            @Override
                            public long byteSize() {
                                return minimum;
                            }

                            @Override
                            public long byteCapacity() {
                                return minimum;
                            }

                            @Override
                            public void growTo(long newByteSize) {
                                throw new UnsupportedOperationException();
                            }

                            @Override
                            public void close() {}
                        };
        OnDemandConfig config = OnDemandConfig.builder().memoryCreator(onHeap).build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    TestModules.instantiate(
                                            allocator,
                                            "memory.wasm",
                                            TestModules.load("memory.wasm"),
                                            Engine.INTERPRETER));
            assertTrue(e.getMessage().contains("native segment"), e.getMessage());
            assertEquals(0, allocator.metrics().liveMemories());
        }
    }

    record Request(DeclaredMemory type, long minimum, OptionalLong maximum, OptionalLong reserved, long guard) {}

    @Test
    void anEmbeddersMemoryBacksTheInstance() {
        List<Request> requests = new ArrayList<>();
        List<HostMemory> created = new ArrayList<>();
        MemoryCreator creator =
                (type, minimum, maximum, reserved, guard) -> {
                    requests.add(new Request(type, minimum, maximum, reserved, guard));
                    HostMemory memory = new HostMemory(minimum, maximum.orElseThrow());
                    created.add(memory);
                    return memory;
                };
        OnDemandConfig config =
                OnDemandConfig.builder()
                        .memoryCreator(creator)
                        .maxMemorySize(3L * Memory.PAGE_SIZE)
                        .build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config)) {
            Allocated instance =
                    TestModules.instantiate(
                            allocator, "memory.wasm", TestModules.load("memory.wasm"), Engine.INTERPRETER);
            assertEquals(1, requests.size());
            Request request = requests.get(0);
            assertEquals(Memory.PAGE_SIZE, request.minimum());
            assertEquals(3L * Memory.PAGE_SIZE, request.maximum().getAsLong(), "declared 4, capped to 3");
            assertEquals(32L << 20, request.guard());
            assertEquals(new DeclaredMemory(1, OptionalLong.of(4), false), request.type(), "as the module declares it");

            HostMemory host = created.get(0);
            assertEquals('h', host.bytes.get(ValueLayout.JAVA_BYTE, 16), "data segment in host memory");
            instance.run("store32", 100, 0xCAFE);
            assertEquals(0xCAFE, host.bytes.get(ValueLayout.JAVA_INT_UNALIGNED, 100));
            assertEquals(1, instance.call("grow", 2));
            assertEquals(3L * Memory.PAGE_SIZE, host.size);
            assertEquals(-1, instance.call("grow", 1), "past --max-memory-size");
            assertFalse(host.closed);
            instance.close();
            assertTrue(host.closed);
        }
    }
}
