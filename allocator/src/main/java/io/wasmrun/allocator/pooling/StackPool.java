package io.wasmrun.allocator.pooling;

import io.wasmrun.allocator.ExecutionStack;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.stack.CallerThreadStack;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool of execution stacks (wasmtime's {@code StackPool} of fiber stacks). The JVM cannot
 * switch a thread onto a stack of our own, so a stack is a platform thread of the configured size
 * ({@link PooledStack}); at most {@code totalStacks} exist, created on demand and kept for reuse
 * (most recently freed first, so its stack pages are still warm).
 *
 * <p>When every stack is taken, {@link #allocate} waits up to {@code wait} for one to be freed and
 * then fails with a {@link LimitExceededException}; a wait of zero fails at once. With a stack size
 * of 0 calls run on the caller's thread: nothing is pooled, stacks are only counted.
 */
final class StackPool implements AutoCloseable {
    private final int totalStacks;
    private final long stackSize;
    private final long waitNanos;
    private final ArrayDeque<PooledStack> idle = new ArrayDeque<>();
    private final List<PooledStack> all = new ArrayList<>();
    private final AtomicInteger live = new AtomicInteger();
    private boolean closed;

    StackPool(int totalStacks, long stackSize, Duration wait) {
        this.totalStacks = totalStacks;
        this.stackSize = stackSize;
        this.waitNanos = wait.toNanos();
    }

    /** Whether calls run on pooled threads (a stack size was configured). */
    boolean pooled() {
        return stackSize > 0;
    }

    ExecutionStack allocate() {
        if (!pooled()) {
            live.incrementAndGet();
            return CallerThreadStack.INSTANCE;
        }
        PooledStack stack;
        synchronized (this) {
            long deadline = System.nanoTime() + waitNanos;
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the pooling allocator is closed");
                }
                stack = idle.pollFirst();
                if (stack != null) {
                    break;
                }
                if (all.size() < totalStacks) {
                    stack = new PooledStack(stackSize);
                    all.add(stack);
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new LimitExceededException(
                            "maximum concurrent stack limit of "
                                    + totalStacks
                                    + " reached"
                                    + (waitNanos > 0
                                            ? " (waited " + Duration.ofNanos(waitNanos) + ")"
                                            : "")
                                    + "; raise --pooling-total-stacks"
                                    + (waitNanos > 0 ? "" : " or wait with --pooling-stack-wait"));
                }
                try {
                    wait(Math.max(1, remaining / 1_000_000), (int) (remaining % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LimitExceededException(
                            "interrupted while waiting for an execution stack", e);
                }
            }
        }
        live.incrementAndGet();
        return stack;
    }

    void deallocate(ExecutionStack stack) {
        if (stack instanceof PooledStack pooledStack) {
            synchronized (this) {
                if (closed) {
                    pooledStack.stop();
                } else {
                    idle.addFirst(pooledStack);
                    notify();
                }
            }
        } else if (stack != CallerThreadStack.INSTANCE) {
            throw new IllegalArgumentException("stack was not allocated by this pool: " + stack);
        }
        live.decrementAndGet();
    }

    int live() {
        return live.get();
    }

    synchronized int unusedWarm() {
        return idle.size();
    }

    /** Approximate bytes of idle threads' stacks (their reservations; touched pages are fewer). */
    synchronized long idleStackBytes() {
        return idle.size() * stackSize;
    }

    /** Stops idle threads now and busy ones when they are given back. */
    @Override
    public synchronized void close() {
        closed = true;
        for (PooledStack stack : idle) {
            stack.stop();
        }
        idle.clear();
        notifyAll();
    }
}
