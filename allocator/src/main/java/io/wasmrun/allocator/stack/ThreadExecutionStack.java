package io.wasmrun.allocator.stack;

import io.wasmrun.allocator.ExecutionStack;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs calls on a dedicated platform thread created with a chosen stack size, so that deep guest
 * recursion exhausts that stack (and traps with {@code call stack exhausted}) whatever the
 * caller's stack is.
 *
 * <p>The thread is started on the first call and reused until {@link #close()}. The caller blocks
 * while the call runs; calls made from the stack's own thread (a host function calling back into
 * wasm) run in place instead of queueing behind themselves. Interrupting the waiting caller
 * interrupts the call and rethrows {@link InterruptedException}.
 */
public final class ThreadExecutionStack implements ExecutionStack, AutoCloseable {
    private static final AtomicLong THREAD_NUMBERS = new AtomicLong();

    private final long sizeBytes;
    private final ExecutorService executor;
    private volatile Thread thread;

    /** A stack of {@code sizeBytes} (the JVM may round it up to its page size). */
    public ThreadExecutionStack(long sizeBytes) {
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("stack size must be positive: " + sizeBytes);
        }
        this.sizeBytes = sizeBytes;
        this.executor =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread t =
                                    Thread.ofPlatform()
                                            .name("wasm-stack-" + THREAD_NUMBERS.incrementAndGet())
                                            .stackSize(sizeBytes)
                                            .daemon(true)
                                            .unstarted(task);
                            thread = t;
                            return t;
                        });
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public <T> T execute(Callable<T> call) throws Exception {
        if (Thread.currentThread() == thread) {
            return call.call();
        }
        Future<T> result = executor.submit(call);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Stops the thread once the running call, if any, returns. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
