package io.wasmrun.allocator.stack;

import io.wasmrun.allocator.ExecutionStack;
import java.util.concurrent.Callable;

/**
 * Runs calls directly on the calling thread: no thread hop, no allocation. The depth guests can
 * reach is whatever the caller's stack allows ({@code -Xss} for the main thread). Stateless, so
 * one instance serves everyone.
 */
public final class CallerThreadStack implements ExecutionStack {
    /** The shared instance. */
    public static final CallerThreadStack INSTANCE = new CallerThreadStack();

    private CallerThreadStack() {}

    /** Unknown: the caller's stack size is the JVM's business; reported as 0. */
    @Override
    public long sizeBytes() {
        return 0;
    }

    @Override
    public <T> T execute(Callable<T> call) throws Exception {
        return call.call();
    }
}
