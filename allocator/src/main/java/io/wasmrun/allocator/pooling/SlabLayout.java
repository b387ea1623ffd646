package io.wasmrun.allocator.pooling;

/**
 * Where each memory slot lies in the pool's one reservation (see {@link MemoryPool}).
 *
 * <pre>
 *  one stripe (no protection keys): slotBytes = reservation + guard
 *  ┌────────────┬───────┬────────────┬───────┬─────┬────────────┬───────┐
 *  │ slot 0     │ guard │ slot 1     │ guard │ ... │ slot n-1   │ guard │
 *  └────────────┴───────┴────────────┴───────┴─────┴────────────┴───────┘
 *
 *  k stripes: slot i has key (i mod k); slotBytes = max(reservation, (reservation + guard) / k)
 *  ┌──────────┬──────────┬──────────┬──────────┬──────────┬─────┬───────────┐
 *  │ s0 key 1 │ s1 key 2 │ s2 key 3 │ s3 key 1 │ s4 key 2 │ ... │ tail guard│
 *  └──────────┴──────────┴──────────┴──────────┴──────────┴─────┴───────────┘
 *  ◄─ reservation + guard ≤ k × slotBytes ─►  (the next slot of the same key)
 * </pre>
 *
 * <p>With keys, a thread restricted to one key faults on its neighbours' slots, so the guard
 * only has to separate slots of the same key, which lie {@code k} slots apart.
 *
 * @param slots how many memory slots
 * @param stripes how many protection-key stripes (1 without keys)
 * @param reservationBytes the usable bytes of each slot (the largest memory it can hold)
 * @param guardBytes inaccessible bytes required after each memory
 * @param slotBytes the distance from one slot to the next
 * @param totalBytes the whole reservation, including the guard after the last slot
 */
record SlabLayout(
        int slots,
        int stripes,
        long reservationBytes,
        long guardBytes,
        long slotBytes,
        long totalBytes) {

    /**
     * Mappings (kernel VMAs) one slot can split into: anonymous read-write before its image, the
     * image, anonymous read-write after it, and the inaccessible rest with the guard.
     */
    static final int MAPPINGS_PER_SLOT = 4;

    /**
     * Lays out {@code slots} slots of {@code reservationBytes} each, {@code guardBytes} apart per
     * stripe, every size rounded up to {@code pageSize}.
     *
     * @throws IllegalArgumentException when the total does not fit in 63 bits
     */
    static SlabLayout calculate(
            int slots, int stripes, long reservationBytes, long guardBytes, long pageSize) {
        if (slots < 0 || stripes < 1 || reservationBytes < 0 || guardBytes < 0) {
            throw new IllegalArgumentException(
                    "invalid layout: " + slots + " slots, " + stripes + " stripes");
        }
        long reservation = roundUp(reservationBytes, pageSize);
        long guard = roundUp(guardBytes, pageSize);
        long slotBytes;
        try {
            long span = Math.addExact(reservation, guard);
            slotBytes =
                    stripes == 1
                            ? span
                            : Math.max(reservation, roundUp(ceilDiv(span, stripes), pageSize));
            slotBytes = Math.max(slotBytes, pageSize);
            long tail = Math.max(0, span - slotBytes);
            long total = Math.addExact(Math.multiplyExact(slotBytes, (long) slots), tail);
            return new SlabLayout(slots, stripes, reservation, guard, slotBytes, total);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    slots + " slots of " + reservation + " + " + guard + " bytes overflow", e);
        }
    }

    /** The offset of slot {@code index} from the start of the reservation. */
    long offset(int index) {
        return slotBytes * index;
    }

    /** The stripe (protection-key colour) of slot {@code index}. */
    int stripeOf(int index) {
        return index % stripes;
    }

    /** The kernel mappings this layout may need at most. */
    long maxMappings() {
        return (long) slots * MAPPINGS_PER_SLOT + 1;
    }

    /** Bytes from a slot's end of reservation to the next slot of the same stripe. */
    long effectiveGuardBytes() {
        return slotBytes * stripes - reservationBytes;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long roundUp(long bytes, long pageSize) {
        return Math.addExact(bytes, pageSize - 1) / pageSize * pageSize;
    }
}
