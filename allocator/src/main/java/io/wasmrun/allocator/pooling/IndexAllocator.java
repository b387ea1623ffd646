package io.wasmrun.allocator.pooling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out slot numbers {@code 0 .. capacity-1} with affinity between slots and the thing that
 * last used them (wasmtime's {@code ModuleAffinityIndexAllocator}): a slot that last held memory 0
 * of module M still has M's copy-on-write image mapped, so giving it to M again costs nothing.
 *
 * <p>Policy of {@link #alloc}:
 *
 * <ol>
 *   <li>the most recently freed slot affine to {@code affinity}, if any (temporal reuse);
 *   <li>else, while fewer than {@code maxUnusedWarmSlots} freed ("warm") slots wait, a cold slot
 *       that was never used, falling back to the least recently used warm slot;
 *   <li>else the least recently used warm slot, falling back to a cold one.
 * </ol>
 *
 * <p>Every slot is in one state: cold (never used), used, or warm (freed; linked into the warm
 * list and, if it has an affinity, into that affinity's list). Lists are intrusive, over index
 * arrays, so that nothing is allocated per call except the first list of a new affinity.
 * Thread-safe: one lock.
 *
 * @param <K> the affinity key, e.g. (module, memory index); compared with {@code equals}
 */
final class IndexAllocator<K> {
    private static final int NONE = -1;
    private static final byte COLD = 0;
    private static final byte USED = 1;
    private static final byte WARM = 2;

    private final int maxUnusedWarmSlots;
    private final byte[] state;
    private final Object[] affinity;
    private final int[] warmPrev;
    private final int[] warmNext;
    private final int[] affinePrev;
    private final int[] affineNext;
    private final Map<K, int[]> affineLists = new HashMap<>();
    private int warmHead = NONE;
    private int warmTail = NONE;
    private int unusedWarm;
    private int nextCold;
    private int used;

    IndexAllocator(int capacity, int maxUnusedWarmSlots) {
        if (capacity < 0 || maxUnusedWarmSlots < 0) {
            throw new IllegalArgumentException(capacity + " / " + maxUnusedWarmSlots);
        }
        this.maxUnusedWarmSlots = maxUnusedWarmSlots;
        state = new byte[capacity];
        affinity = new Object[capacity];
        warmPrev = new int[capacity];
        warmNext = new int[capacity];
        affinePrev = new int[capacity];
        affineNext = new int[capacity];
    }

    /** How many slots there are. */
    int capacity() {
        return state.length;
    }

    /** Slots in use. */
    synchronized int used() {
        return used;
    }

    /** Freed slots that have not been handed out again. */
    synchronized int unusedWarm() {
        return unusedWarm;
    }

    /**
     * Takes a slot for {@code key} (null: no affinity) by the policy above.
     *
     * @return the slot, or -1 when every slot is in use
     */
    synchronized int alloc(K key) {
        int slot = pickAffine(key);
        if (slot == NONE) {
            if (unusedWarm < maxUnusedWarmSlots) {
                slot = pickCold();
                if (slot == NONE) {
                    slot = pickWarm();
                }
            } else {
                slot = pickWarm();
                if (slot == NONE) {
                    slot = pickCold();
                }
            }
        }
        if (slot != NONE) {
            state[slot] = USED;
            affinity[slot] = key;
            used++;
        }
        return slot;
    }

    /**
     * Takes a free slot affine to {@code key}, without falling back to any other, and forgets its
     * affinity: used to clear a module's slots when the module is purged.
     *
     * @return the slot, or -1 when no free slot is affine to {@code key}
     */
    synchronized int allocAffineAndClear(K key) {
        int slot = pickAffine(key);
        if (slot != NONE) {
            state[slot] = USED;
            affinity[slot] = null;
            used++;
        }
        return slot;
    }

    /** Gives back {@code slot}, keeping the affinity it was allocated with. */
    synchronized void free(int slot) {
        free(slot, true);
    }

    /** Gives back {@code slot}; without {@code keepAffinity} it joins no affinity list. */
    @SuppressWarnings("unchecked")
    synchronized void free(int slot, boolean keepAffinity) {
        if (state[slot] != USED) {
            throw new IllegalStateException("slot " + slot + " is not in use");
        }
        used--;
        state[slot] = WARM;
        unusedWarm++;
        warmPrev[slot] = warmTail;
        warmNext[slot] = NONE;
        if (warmTail == NONE) {
            warmHead = slot;
        } else {
            warmNext[warmTail] = slot;
        }
        warmTail = slot;
        K key = keepAffinity ? (K) affinity[slot] : null;
        affinity[slot] = key;
        affinePrev[slot] = NONE;
        affineNext[slot] = NONE;
        if (key != null) {
            int[] list = affineLists.get(key);
            if (list == null) {
                affineLists.put(key, new int[] {slot, slot});
            } else {
                affinePrev[slot] = list[1];
                affineNext[list[1]] = slot;
                list[1] = slot;
            }
        }
    }

    /** The affinity {@code slot} was last allocated or freed with, or null. */
    @SuppressWarnings("unchecked")
    synchronized K affinity(int slot) {
        return (K) affinity[slot];
    }

    /** The warm slots, least recently freed first (for tests and metrics). */
    synchronized List<Integer> warmSlots() {
        List<Integer> slots = new ArrayList<>();
        for (int s = warmHead; s != NONE; s = warmNext[s]) {
            slots.add(s);
        }
        return slots;
    }

    /** The keys with at least one free affine slot (for tests). */
    synchronized List<K> affinities() {
        return new ArrayList<>(affineLists.keySet());
    }

    /** Whether no slot is in use. */
    synchronized boolean isEmpty() {
        return used == 0;
    }

    private int pickAffine(K key) {
        if (key == null) {
            return NONE;
        }
        int[] list = affineLists.get(key);
        if (list == null) {
            return NONE;
        }
        int slot = list[1]; // the tail: most recently freed
        remove(slot);
        return slot;
    }

    private int pickWarm() {
        int slot = warmHead; // least recently freed
        if (slot != NONE) {
            remove(slot);
        }
        return slot;
    }

    private int pickCold() {
        return nextCold < state.length ? nextCold++ : NONE;
    }

    /** Unlinks the warm {@code slot} from the warm list and its affinity list. */
    private void remove(int slot) {
        unusedWarm--;
        int prev = warmPrev[slot];
        int next = warmNext[slot];
        if (prev == NONE) {
            warmHead = next;
        } else {
            warmNext[prev] = next;
        }
        if (next == NONE) {
            warmTail = prev;
        } else {
            warmPrev[next] = prev;
        }
        Object key = affinity[slot];
        if (key != null) {
            int[] list = affineLists.get(key);
            int aPrev = affinePrev[slot];
            int aNext = affineNext[slot];
            if (aPrev == NONE) {
                list[0] = aNext;
            } else {
                affineNext[aPrev] = aNext;
            }
            if (aNext == NONE) {
                list[1] = aPrev;
            } else {
                affinePrev[aNext] = aPrev;
            }
            if (list[0] == NONE) {
                affineLists.remove(key);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "IndexAllocator[capacity="
                + state.length
                + ", used="
                + used
                + ", warm="
                + unusedWarm
                + ", cold="
                + (state.length - nextCold)
                + ", state="
                + Arrays.toString(state)
                + "]";
    }
}
