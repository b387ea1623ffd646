package io.wasmrun.cli.repl;

import io.wasmrun.Store;
import io.wasmrun.WasmrunException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs guest code (calls, start functions) on a worker thread so that Ctrl-C can stop it: {@link
 * #interrupt()} interrupts the store the call runs in, which ends the call with the trap {@code
 * interrupt}. The REPL thread waits for the worker to finish, so there is never more than one
 * call in flight.
 */
final class CallRunner {
    /** The call in flight: its worker and the store it runs in. */
    private record Call(Thread worker, Store store) {}

    private volatile Call current;

    /**
     * Runs {@code body}, which calls into {@code store}, on a fresh worker thread and returns its
     * result or rethrows its failure.
     */
    <T> T run(Store store, Callable<T> body) {
        var task = new FutureTask<>(body);
        Thread thread = Thread.ofPlatform().name("wasmrun-repl-call").daemon().unstarted(task);
        current = new Call(thread, store);
        thread.start();
        try {
            return await(task, thread);
        } finally {
            current = null;
        }
    }

    /**
     * Asks the running call, if any, to stop. The worker's own interrupt flag covers a call that
     * has not entered the store yet: the engines check it at their first call or loop back-edge.
     */
    void interrupt() {
        Call call = current;
        if (call != null) {
            call.store().interrupt();
            call.worker().interrupt();
        }
    }

    /** Whether a call is running. */
    boolean busy() {
        return current != null;
    }

    /** Waits for the task; an interrupt of the waiting thread is passed on to the worker. */
    private static <T> T await(FutureTask<T> task, Thread thread) {
        while (true) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                thread.interrupt();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new WasmrunException(String.valueOf(cause.getMessage()), cause);
    }
}
