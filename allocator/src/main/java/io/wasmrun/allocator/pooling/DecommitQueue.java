package io.wasmrun.allocator.pooling;

import java.util.Arrays;

/**
 * Freed memory slots waiting for their reset (wasmtime's {@code DecommitQueue}): {@link #offer}
 * collects slots until {@code batchSize} are pending and then hands the whole batch to the caller,
 * who resets them ({@code madvise}) and only then returns them to their index allocators. A slot
 * in the queue is neither used nor free, so it is never handed out half-reset. With the default
 * batch size of 1 every slot is reset as soon as it is freed. Thread-safe.
 */
final class DecommitQueue {
    private final int batchSize;
    private int[] pending;
    private int size;

    DecommitQueue(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
        this.pending = new int[Math.min(batchSize, 1024)];
    }

    /**
     * Queues {@code slot}.
     *
     * @return the batch to reset now (including {@code slot}) once {@code batchSize} slots are
     *     pending, else null
     */
    synchronized int[] offer(int slot) {
        if (batchSize == 1) {
            return new int[] {slot};
        }
        if (size == pending.length) {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[size++] = slot;
        return size >= batchSize ? drainLocked() : null;
    }

    /** Takes every pending slot, e.g. before giving up on an exhausted pool. */
    synchronized int[] drain() {
        return drainLocked();
    }

    /** Slots waiting for their reset. */
    synchronized int size() {
        return size;
    }

    private int[] drainLocked() {
        int[] batch = Arrays.copyOf(pending, size);
        size = 0;
        return batch;
    }
}
