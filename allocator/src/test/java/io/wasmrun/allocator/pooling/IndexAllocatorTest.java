package io.wasmrun.allocator.pooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexAllocatorTest {

    @Test
    void handsOutEverySlotOnceThenReportsExhaustion() {
        var allocator = new IndexAllocator<String>(3, 0);
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            slots.add(allocator.alloc(null));
        }
        assertEquals(Set.of(0, 1, 2), slots);
        assertEquals(-1, allocator.alloc(null));
        assertEquals(3, allocator.used());
        allocator.free(1);
        assertEquals(1, allocator.alloc("m"));
        assertThrows(IllegalStateException.class, () -> {
            allocator.free(2);
            allocator.free(2);
        });
    }

    @Test
    void reusesTheMostRecentlyFreedSlotOfTheSameModule() {
        var allocator = new IndexAllocator<String>(10, 10);
        int a1 = allocator.alloc("a");
        int a2 = allocator.alloc("a");
        int b = allocator.alloc("b");
        allocator.free(a1);
        allocator.free(b);
        allocator.free(a2);
        assertEquals(a2, allocator.alloc("a"), "most recently freed affine slot first");
        assertEquals(a1, allocator.alloc("a"));
        assertEquals(b, allocator.alloc("b"));
    }

    @Test
    void prefersColdSlotsWhileFewWarmSlotsWait() {
        var allocator = new IndexAllocator<String>(10, 2);
        int a = allocator.alloc("a");
        allocator.free(a);
        // one warm slot < max 2: a new module takes a cold slot and leaves a's slot warm
        int c = allocator.alloc("c");
        assertTrue(c != a);
        assertEquals(List.of(a), allocator.warmSlots());
        assertEquals(List.of("a"), allocator.affinities());
    }

    @Test
    void evictsTheLeastRecentlyUsedWarmSlotBeyondTheWarmLimit() {
        var allocator = new IndexAllocator<String>(10, 2);
        int a = allocator.alloc("a");
        int b = allocator.alloc("b");
        allocator.free(a);
        allocator.free(b);
        assertEquals(2, allocator.unusedWarm());
        // two warm slots = max: a new module takes the LRU warm slot (a's), not a cold one
        assertEquals(a, allocator.alloc("c"));
        assertEquals(List.of(b), allocator.warmSlots());
        assertEquals(List.of("b"), allocator.affinities());
    }

    @Test
    void fallsBackToWarmSlotsWhenNoColdSlotIsLeft() {
        var allocator = new IndexAllocator<String>(2, 100);
        int a = allocator.alloc("a");
        int b = allocator.alloc("b");
        allocator.free(a);
        allocator.free(b);
        assertEquals(a, allocator.alloc("c"), "LRU warm slot");
        assertEquals(b, allocator.alloc("d"));
        assertEquals(-1, allocator.alloc("e"));
    }

    @Test
    void clearsAffinityForPurging() {
        var allocator = new IndexAllocator<String>(4, 4);
        int a1 = allocator.alloc("a");
        int a2 = allocator.alloc("a");
        allocator.free(a1);
        allocator.free(a2);
        Set<Integer> cleared = new HashSet<>();
        int s;
        while ((s = allocator.allocAffineAndClear("a")) >= 0) {
            cleared.add(s);
            allocator.free(s);
        }
        assertEquals(Set.of(a1, a2), cleared);
        assertEquals(List.of(), allocator.affinities());
        assertEquals(-1, allocator.allocAffineAndClear("a"));
        assertEquals(2, allocator.unusedWarm());
    }

    @Test
    void freeingWithoutAffinityLeavesNoAffineList() {
        var allocator = new IndexAllocator<String>(2, 2);
        int a = allocator.alloc("a");
        allocator.free(a, false);
        assertEquals(List.of(), allocator.affinities());
        assertEquals(List.of(a), allocator.warmSlots());
    }
}
