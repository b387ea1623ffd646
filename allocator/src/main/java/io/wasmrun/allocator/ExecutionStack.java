package io.wasmrun.allocator;

import java.util.concurrent.Callable;

/**
 * A stack on which wasm calls run. Deep guest recursion exhausts this stack, not the caller's,
 * and traps with {@code call stack exhausted}.
 */
public interface ExecutionStack {

    /** The stack size in bytes. */
    long sizeBytes();

    /**
     * Runs {@code call} on this stack and returns its result; exceptions thrown by the call are
     * rethrown unchanged on the calling thread.
     */
    <T> T execute(Callable<T> call) throws Exception;
}
