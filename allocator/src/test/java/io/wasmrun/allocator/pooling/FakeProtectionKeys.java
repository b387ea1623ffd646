package io.wasmrun.allocator.pooling;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test double for machines without keys: records what the pool asks of the keys. */
final class FakeProtectionKeys implements ProtectionKeys {
    record Protect(long address, long length, int prot, int key) {}

    private final boolean supported;
    private final int available;
    final List<Protect> protects = new ArrayList<>();
    final ThreadLocal<Map<Integer, Integer>> rights = ThreadLocal.withInitial(HashMap::new);
    int[] freed;

    FakeProtectionKeys(boolean supported, int available) {
        this.supported = supported;
        this.available = available;
    }

    @Override
    public boolean isSupported() {
        return supported;
    }

    @Override
    public int[] allocate(int max) {
        int n = Math.min(max, available);
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i + 1;
        }
        return keys;
    }

    @Override
    public synchronized void protect(MemorySegment address, long length, int prot, int key) {
        protects.add(new Protect(address.address(), length, prot, key));
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
    public void free(int[] keys) {
        freed = Arrays.copyOf(keys, keys.length);
    }
}
