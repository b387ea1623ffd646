package io.wasmrun.cli;

import io.wasmrun.Trap;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code --timeout}: interrupts the thread that runs the guest once the duration has elapsed.
 * Chicory's interpreter and compiled code both check the interrupt flag on every call and loop
 * back-edge and stop with {@code ChicoryInterruptedException}, which the runtime reports as the
 * trap {@code interrupt} (a pooled execution stack forwards the interrupt to its thread and waits
 * for the call to stop). {@link #close()} cancels the timer and clears an interrupt that arrived
 * after the guest finished, so it never leaks into later code.
 */
final class CallTimeout implements AutoCloseable {
    private final Duration timeout;
    private final Thread thread;
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> task;
    private boolean fired;
    private boolean done;

    private CallTimeout(Duration timeout) {
        this.timeout = timeout;
        this.thread = Thread.currentThread();
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> Thread.ofPlatform().name("wasmrun-timeout").daemon(true).unstarted(r));
        this.task = timer.schedule(this::fire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for the calling thread; null when there is no timeout. */
    static CallTimeout start(Duration timeout) {
        return timeout == null ? null : new CallTimeout(timeout);
    }

    private synchronized void fire() {
        if (!done) {
            fired = true;
            thread.interrupt();
        }
    }

    /** Whether the timeout elapsed while the guest ran. */
    synchronized boolean fired() {
        return fired;
    }

    /** A trap that says the timeout elapsed, for an {@code interrupt} trap caused by it. */
    Trap timeoutTrap(Trap interrupt) {
        return new Trap(
                "interrupt (the --timeout of " + DurationConverter.format(timeout) + " elapsed)",
                interrupt.backtrace(),
                interrupt);
    }

    @Override
    public void close() {
        synchronized (this) {
            done = true;
        }
        task.cancel(false);
        timer.shutdownNow();
        if (fired()) {
            Thread.interrupted();
        }
    }
}
