package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs guest code (calls, start functions) on a worker thread so that Ctrl-C can stop it: {@link
 * #interrupt()} interrupts the worker, and both Chicory engines check the interrupt flag at calls
 * and loop back-edges and stop with a trap. The REPL thread waits for the worker to finish, so
 * there is never more than one call in flight.
 */
final class CallRunner {
    private volatile Thread worker;

    /** Runs {@code body} on a fresh worker thread and returns its result or rethrows its failure. */
    <T> T run(Callable<T> body) {
        var task = new FutureTask<>(body);
        Thread thread = Thread.ofPlatform().name("wasmrun-repl-call").daemon().unstarted(task);
        worker = thread;
        thread.start();
        try {
            return await(task, thread);
        } finally {
            worker = null;
        }
    }

    /** Asks the running call, if any, to stop. */
    void interrupt() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether a call is running. */
    boolean busy() {
        return worker != null;
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
