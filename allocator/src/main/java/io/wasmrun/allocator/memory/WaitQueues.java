package io.wasmrun.allocator.memory;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The wait queues of one shared memory ({@code memory.atomic.wait32/64} and {@code
 * memory.atomic.notify}), one monitor per waited-on address.
 *
 * <p>A notify hands out wakeups instead of signalling blindly: it adds {@code min(count,
 * waiters not yet woken)} to the address's pending wakeups and each waiter leaving consumes one,
 * so a notify of {@code n} wakes exactly {@code n} threads and reports that number, even with
 * spurious wakeups. The check of the expected value and the decision to sleep happen under the
 * address's monitor, so a notify that follows a store cannot be missed.
 */
final class WaitQueues {
    /** The thread was woken by a notify. */
    static final int WOKEN = 0;

    /** The value differed from the expected one; the thread did not sleep. */
    static final int NOT_EQUAL = 1;

    /** The timeout elapsed. */
    static final int TIMED_OUT = 2;

    private static final class Queue {
        int waiters;
        int pendingWakeups;
    }

    private final ConcurrentHashMap<Integer, Queue> queues = new ConcurrentHashMap<>();

    /**
     * Sleeps on {@code address} if {@code expected} holds, for at most {@code timeoutNanos}
     * (negative: forever).
     *
     * @return {@link #WOKEN}, {@link #NOT_EQUAL} or {@link #TIMED_OUT}
     */
    int await(int address, BooleanSupplier expected, long timeoutNanos) {
        long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        Queue queue = queues.computeIfAbsent(address, a -> new Queue());
        synchronized (queue) {
            if (!expected.getAsBoolean()) {
                return NOT_EQUAL;
            }
            queue.waiters++;
            try {
                while (queue.pendingWakeups == 0) {
                    long remaining =
                            deadline == Long.MAX_VALUE ? 0 : deadline - System.nanoTime();
                    if (deadline != Long.MAX_VALUE && remaining <= 0) {
                        return TIMED_OUT;
                    }
                    try {
                        queue.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ChicoryInterruptedException("Thread interrupted");
                    }
                }
                return WOKEN;
            } finally {
                if (queue.pendingWakeups > 0) {
                    queue.pendingWakeups--;
                }
                queue.waiters--;
            }
        }
    }

    /**
     * Wakes up to {@code count} threads sleeping on {@code address} (all of them if negative).
     *
     * @return how many were woken
     */
    int wake(int address, int count) {
        Queue queue = queues.get(address);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            int sleeping = queue.waiters - queue.pendingWakeups;
            int woken = count < 0 ? sleeping : Math.min(sleeping, count);
            if (woken > 0) {
                queue.pendingWakeups += woken;
                queue.notifyAll();
            }
            return woken;
        }
    }
}
