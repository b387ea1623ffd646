package io.wasmrun.allocator.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.ProtectionKey;
import io.wasmrun.allocator.config.PoolingConfig.Enabled;
import io.wasmrun.allocator.config.PoolingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectionKeysTest {
    private static PoolingConfig config(Enabled enabled, int memories) {
        return PoolingInstanceAllocatorTest.small().toBuilder()
                .totalMemories(memories)
                .totalCoreInstances(memories)
                .totalTables(memories)
                .memoryProtectionKeys(enabled)
                .build();
    }

    @Test
    void stripesSlotsOverTheKeysAndTagsEverySlot() {
        var keys = new FakeProtectionKeys(true, 15);
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.YES, 6).toBuilder().maxMemoryProtectionKeys(3).build(), keys)) {
            assertArrayEquals(new int[] {1, 2, 3}, allocator.stripeKeys());
            SlabLayout layout = allocator.memoryPool().layout();
            assertEquals(3, layout.stripes());
            assertTrue(layout.effectiveGuardBytes() >= allocator.config().memoryGuardSize());
            assertEquals(6, keys.protects.size());
            for (int i = 0; i < 6; i++) {
                var p = keys.protects.get(i);
                assertEquals(1 + i % 3, p.key(), "slot " + i);
                assertEquals(layout.slotBytes(), p.length());
            }
            assertEquals(new ProtectionKey(1), allocator.nextAvailablePkey().orElseThrow());
            assertEquals(new ProtectionKey(2), allocator.nextAvailablePkey().orElseThrow());
            assertEquals(new ProtectionKey(3), allocator.nextAvailablePkey().orElseThrow());
            assertEquals(new ProtectionKey(1), allocator.nextAvailablePkey().orElseThrow());
        }
        assertArrayEquals(new int[] {1, 2, 3}, keys.freed, "keys freed on close");
    }

    @Test
    void aStoreGetsItsMemoriesFromItsKeysStripeOnly() {
        var keys = new FakeProtectionKeys(true, 15);
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.YES, 6).toBuilder().maxMemoryProtectionKeys(3).build(), keys)) {
            Map<Integer, List<Tenant>> byKey = new HashMap<>();
            List<Tenant> all = new ArrayList<>();
            ProtectionKey key2 = new ProtectionKey(2);
            for (int i = 0; i < 2; i++) {
                Tenant t = Tenant.of(allocator, data, com.dylibso.chicory.runtime.ImportValues.empty(), key2);
                assertEquals(1, t.memorySlot() % 3, "key 2 is stripe 1");
                assertEquals(2, allocator.memoryPool().keyOf(t.memorySlot()));
                all.add(t);
            }
            // the image mapped over a slot is tagged with the slot's key
            long imageTags = keys.protects.stream().skip(6).filter(p -> p.key() == 2).count();
            assertTrue(imageTags >= 2, "image mappings re-tagged: " + keys.protects);
            var e = assertThrows(
                    LimitExceededException.class,
                    () -> Tenant.of(allocator, data, com.dylibso.chicory.runtime.ImportValues.empty(), key2));
            assertTrue(e.getMessage().contains("memory stripe 1 (protection key 2"), e.getMessage());
            Tenant other = Tenant.of(allocator, data, com.dylibso.chicory.runtime.ImportValues.empty(), new ProtectionKey(3));
            assertEquals(2, other.memorySlot() % 3);
            all.add(other);
            all.forEach(Tenant::close);
            assertEquals(0, allocator.metrics().liveMemories());
            assertTrue(byKey.isEmpty());
        }
    }

    @Test
    void restrictingAThreadDisablesEveryOtherKey() {
        var keys = new FakeProtectionKeys(true, 4);
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.AUTO, 8), keys)) {
            assertArrayEquals(new int[] {1, 2, 3, 4}, allocator.stripeKeys());
            allocator.restrictToPkey(new ProtectionKey(3));
            assertEquals(ProtectionKeys.DISABLE_ACCESS, keys.rights(1));
            assertEquals(ProtectionKeys.DISABLE_ACCESS, keys.rights(2));
            assertEquals(0, keys.rights(3));
            assertEquals(ProtectionKeys.DISABLE_ACCESS, keys.rights(4));
            allocator.allowAllPkeys();
            for (int k = 1; k <= 4; k++) {
                assertEquals(0, keys.rights(k));
            }
        }
    }

    @Test
    void autoAndNoLeaveKeysOff() {
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.AUTO, 4), new FakeProtectionKeys(false, 0))) {
            assertEquals(0, allocator.stripeKeys().length);
            assertEquals(Optional.empty(), allocator.nextAvailablePkey());
            assertEquals(1, allocator.memoryPool().layout().stripes());
        }
        var keys = new FakeProtectionKeys(true, 15);
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.NO, 4), keys)) {
            assertEquals(0, allocator.stripeKeys().length);
            assertTrue(keys.protects.isEmpty());
        }
        // a single key stripes nothing: AUTO gives it back
        var one = new FakeProtectionKeys(true, 1);
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.AUTO, 4), one)) {
            assertEquals(0, allocator.stripeKeys().length);
            assertArrayEquals(new int[] {1}, one.freed);
        }
        // never more stripes than memories
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.YES, 2), new FakeProtectionKeys(true, 15))) {
            assertEquals(2, allocator.stripeKeys().length);
        }
    }

    @Test
    void yesWithoutSupportIsAClearError() {
        var e = assertThrows(
                UnsupportedOperationException.class,
                () -> new PoolingInstanceAllocator(config(Enabled.YES, 4), new FakeProtectionKeys(false, 0)));
        assertTrue(e.getMessage().startsWith("memory protection keys are not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("--pooling-memory-protection-keys=auto or no"));
    }

    /** The real keys: whatever this machine supports, detection and YES must agree. */
    @Test
    void systemDetectionMatchesWhatYesDoes() {
        SystemProtectionKeys system = SystemProtectionKeys.INSTANCE;
        assertEquals(system.isSupported(), system.unsupportedReason().isEmpty());
        assertEquals(system.isSupported(), PoolingInstanceAllocator.protectionKeysSupported());
        if (!system.isSupported()) {
            var e = assertThrows(
                    UnsupportedOperationException.class,
                    () -> new PoolingInstanceAllocator(config(Enabled.YES, 4)));
            assertTrue(e.getMessage().contains(system.unsupportedReason().orElseThrow()), e.getMessage());
            try (var allocator = new PoolingInstanceAllocator(config(Enabled.AUTO, 4))) {
                assertEquals(0, allocator.stripeKeys().length);
            }
            return;
        }
        try (var allocator = new PoolingInstanceAllocator(config(Enabled.YES, 4))) {
            int[] stripeKeys = allocator.stripeKeys();
            assertTrue(stripeKeys.length >= 2, "keys: " + stripeKeys.length);
            ProtectionKey mine = allocator.nextAvailablePkey().orElseThrow();
            allocator.restrictToPkey(mine);
            int[] rights = new int[stripeKeys.length];
            for (int i = 0; i < stripeKeys.length; i++) {
                rights[i] = system.rights(stripeKeys[i]);
            }
            allocator.allowAllPkeys();
            for (int i = 0; i < stripeKeys.length; i++) {
                assertEquals(
                        stripeKeys[i] == mine.value() ? 0 : ProtectionKeys.DISABLE_ACCESS,
                        rights[i],
                        "key " + stripeKeys[i]);
                assertEquals(0, system.rights(stripeKeys[i]));
            }
            try (Tenant t = Tenant.of(allocator, Tenant.module("data.wasm"),
                    com.dylibso.chicory.runtime.ImportValues.empty(), mine)) {
                assertEquals('h', t.call("load8", 100));
            }
        }
    }
}
