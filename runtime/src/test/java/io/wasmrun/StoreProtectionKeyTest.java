package io.wasmrun;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import io.wasmrun.allocator.pooling.ProtectionKeys;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instances of one store share its protection key: an instance that calls into another instance
 * of its store, which touches its own memory, runs with a key that reaches both memories. With a
 * key per instance (before stores), the call ran restricted to the caller's key and the callee's
 * memory access faulted on hardware with keys.
 */
class StoreProtectionKeyTest {
    private static final byte[] LIBRARY = """
            (module
              (import "host" "probe" (func $probe))
              (memory (export "memory") 1)
              (func (export "poke") (param i32 i32) (call $probe) (i32.store8 (local.get 0) (local.get 1)))
              (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0))))
            """.getBytes(UTF_8);
    private static final byte[] CLIENT = """
            (module
              (import "lib" "poke" (func $poke (param i32 i32)))
              (import "lib" "peek" (func $peek (param i32) (result i32)))
              (memory 1)
              (func (export "poke through") (param i32 i32) (result i32)
                (call $poke (local.get 0) (local.get 1))
                (i32.store8 (i32.const 0) (i32.const 1))
                (call $peek (local.get 0))))
            """.getBytes(UTF_8);

    /** Keys that do nothing but record which key each memory got and each thread's rights. */
    static final class RecordingKeys implements ProtectionKeys {
        record Tagged(long address, long length, int key) {}

        final List<Tagged> tagged = new ArrayList<>();
        final ThreadLocal<Map<Integer, Integer>> rights = ThreadLocal.withInitial(HashMap::new);

        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public int[] allocate(int max) {
            int[] keys = new int[Math.min(max, 4)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i + 1;
            }
            return keys;
        }

        @Override
        public synchronized void protect(MemorySegment address, long length, int prot, int key) {
            tagged.add(new Tagged(address.address(), length, key));
        }

        @Override
        public void setRights(int key, int rights) {
            this.rights.get().put(key, rights);
        }

        @Override
        public int rights(int key) {
            return rights.get().getOrDefault(key, 0);
        }

        @Override
        public void free(int[] keys) {}

        /** The key of the last tagging that covers {@code address}. */
        synchronized int keyOf(long address) {
            for (int i = tagged.size() - 1; i >= 0; i--) {
                Tagged t = tagged.get(i);
                if (address >= t.address() && address < t.address() + t.length()) {
                    return t.key();
                }
            }
            throw new AssertionError("no key covers " + Long.toHexString(address));
        }
    }

    private static PoolingConfig withKeys() {
        return PoolingConfig.builder()
                .totalCoreInstances(8)
                .totalMemories(8)
                .memoryProtectionKeys(PoolingConfig.Enabled.YES)
                .maxMemoryProtectionKeys(4)
                .build();
    }

    @Test
    void instancesOfOneStoreRunWithOneKeyThatReachesEachOthersMemory() {
        var keys = new RecordingKeys();
        try (var allocator = new PoolingInstanceAllocator(withKeys(), keys);
                Engine engine = Engine.builder().allocator(allocator).build()) {
            Store.create(engine).close();
            try (Store store = Store.create(engine)) {
                List<Map<Integer, Integer>> rightsDuringCall = new ArrayList<>();
                Linker linker = new Linker().func("host", "probe", FuncType.of(List.of(), List.of()), (caller, args) -> {
                    rightsDuringCall.add(Map.copyOf(keys.rights.get()));
                    return new Val[0];
                });
                Instance library = linker.instantiate(store, Module.fromBytes(engine, "library.wat", LIBRARY));
                Instance client = linker.instance("lib", library)
                        .instantiate(store, Module.fromBytes(engine, "client.wat", CLIENT));
                int libraryKey = keys.keyOf(library.memory("memory").orElseThrow().view().address());

                assertEquals(7, client.requireFunc("poke through").call(Val.i32(100), Val.i32(7))[0].i32());
                Map<Integer, Integer> rights = rightsDuringCall.get(0);
                assertEquals(0, rights.get(libraryKey), "the call may touch the library's memory: " + rights);
                assertEquals(3, rights.values().stream().filter(r -> r == ProtectionKeys.DISABLE_ACCESS).count(),
                        "and no other stripe's: " + rights);
            }
            try (Store first = Store.create(engine); Store second = Store.create(engine)) {
                Linker linker = new Linker().func("host", "probe", FuncType.of(List.of(), List.of()), (c, a) -> new Val[0]);
                Module module = Module.fromBytes(engine, "library.wat", LIBRARY);
                long a = linker.instantiate(first, module).memory("memory").orElseThrow().view().address();
                long b = linker.instantiate(second, module).memory("memory").orElseThrow().view().address();
                assertNotEquals(keys.keyOf(a), keys.keyOf(b), "stores still get keys of their own");
            }
        }
    }

    @Test
    void onHardwareWithKeysLinkedInstancesOfOneStoreDoNotFault() {
        assumeTrue(PoolingInstanceAllocator.protectionKeysSupported(),
                "this CPU or kernel has no memory protection keys (no pku in /proc/cpuinfo)");
        try (Engine engine = Engine.builder().pooling(withKeys()).build(); Store store = Store.create(engine)) {
            Linker linker = new Linker().func("host", "probe", FuncType.of(List.of(), List.of()), (c, a) -> new Val[0]);
            Instance library = linker.instantiate(store, Module.fromBytes(engine, "library.wat", LIBRARY));
            Instance client = linker.instance("lib", library)
                    .instantiate(store, Module.fromBytes(engine, "client.wat", CLIENT));

            assertEquals(9, client.requireFunc("poke through").call(Val.i32(200), Val.i32(9))[0].i32());
            assertEquals(9, library.requireFunc("peek").call(Val.i32(200))[0].i32());
        }
    }
}
