package io.wasmrun.allocator.pooling;

import io.wasmrun.allocator.ExecutionStack;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An execution stack of a {@link StackPool}: a platform thread of a fixed stack size that runs
 * one call at a time for whoever holds the stack, handed over with {@code park}/{@code unpark}.
 * Deep guest recursion overflows this thread's stack, which Chicory reports as {@code call stack
 * exhausted}.
 *
 * <p>Interrupting the waiting caller (a timeout, a cancelled task) interrupts the call: Chicory
 * checks the interrupt flag on calls and loop back-edges and throws {@code
 * ChicoryInterruptedException}. The caller still waits until the call has really stopped, so the
 * instance's memory is never reset under a running call, then rethrows the call's exception and
 * keeps its own interrupt flag set. A host function that calls back into wasm runs in place.
 */
final class PooledStack implements ExecutionStack {
    private static final AtomicLong NUMBERS = new AtomicLong();

    private final long sizeBytes;
    private final Thread thread;
    private volatile Callable<?> task;
    private volatile Thread caller;
    private volatile boolean done;
    private volatile boolean cancelRequested;
    private volatile boolean stopping;
    private Object result;
    private Throwable failure;

    PooledStack(long sizeBytes) {
        this.sizeBytes = sizeBytes;
        this.thread =
                Thread.ofPlatform()
                        .name("wasm-stack-" + NUMBERS.incrementAndGet())
                        .stackSize(sizeBytes)
                        .daemon(true)
                        .start(this::loop);
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    /** The thread calls run on. */
    Thread thread() {
        return thread;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Callable<T> call) throws Exception {
        Thread me = Thread.currentThread();
        if (me == thread) {
            return call.call();
        }
        if (stopping) {
            throw new IllegalStateException("execution stack closed");
        }
        result = null;
        failure = null;
        done = false;
        cancelRequested = false;
        caller = me;
        task = call;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
                if (!cancelRequested) {
                    cancelRequested = true;
                    thread.interrupt();
                }
            }
        }
        if (interrupted) {
            me.interrupt();
        }
        Throwable error = failure;
        T value = (T) result;
        result = null;
        failure = null;
        if (error == null) {
            return value;
        }
        if (error instanceof Exception e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }

    private void loop() {
        while (true) {
            Callable<?> next;
            while ((next = task) == null) {
                if (stopping) {
                    return;
                }
                LockSupport.park(this);
            }
            task = null;
            // Drop an interrupt meant for an earlier call; honour one meant for this call.
            Thread.interrupted();
            if (cancelRequested) {
                thread.interrupt();
            }
            try {
                result = next.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                Thread.interrupted();
                Thread waiting = caller;
                caller = null;
                done = true;
                LockSupport.unpark(waiting);
            }
        }
    }

    /** Stops the thread once it is idle. */
    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
    }
}
