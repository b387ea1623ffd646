package io.wasmrun.allocator.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayoutAndQueueTest {
    private static final long PAGE = 4096;
    private static final long MIB = 1 << 20;

    @Test
    void oneStripeSeparatesEverySlotByTheGuard() {
        SlabLayout layout = SlabLayout.calculate(4, 1, 10 * MIB, 2 * MIB, PAGE);
        assertEquals(12 * MIB, layout.slotBytes());
        assertEquals(48 * MIB, layout.totalBytes());
        assertEquals(24 * MIB, layout.offset(2));
        assertEquals(2 * MIB, layout.effectiveGuardBytes());
        assertEquals(17, layout.maxMappings());
    }

    @Test
    void stripesShrinkTheStrideButKeepTheGuardBetweenSlotsOfOneKey() {
        SlabLayout layout = SlabLayout.calculate(6, 3, 10 * MIB, 20 * MIB, PAGE);
        assertEquals(10 * MIB, layout.slotBytes(), "(10 + 20) / 3 = 10 MiB per slot");
        assertTrue(layout.effectiveGuardBytes() >= 20 * MIB);
        assertEquals(2, layout.stripeOf(5));
        assertEquals(6 * 10 * MIB + 20 * MIB, layout.totalBytes(), "tail guard after the last slot");
        SlabLayout small = SlabLayout.calculate(6, 3, 10 * MIB, 1 * MIB, PAGE);
        assertEquals(10 * MIB, small.slotBytes(), "never less than the reservation");
    }

    @Test
    void roundsToPagesAndRefusesOverflow() {
        SlabLayout layout = SlabLayout.calculate(1, 1, 1, 1, PAGE);
        assertEquals(2 * PAGE, layout.slotBytes());
        assertThrows(
                IllegalArgumentException.class,
                () -> SlabLayout.calculate(Integer.MAX_VALUE, 1, Long.MAX_VALUE / 4, 0, PAGE));
    }

    @Test
    void decommitQueueHandsOutFullBatches() {
        var queue = new DecommitQueue(3);
        assertNull(queue.offer(7));
        assertNull(queue.offer(8));
        assertEquals(2, queue.size());
        assertArrayEquals(new int[] {7, 8, 9}, queue.offer(9));
        assertEquals(0, queue.size());
        assertNull(queue.offer(1));
        assertArrayEquals(new int[] {1}, queue.drain());
        assertArrayEquals(new int[] {4}, new DecommitQueue(1).offer(4));
    }
}
