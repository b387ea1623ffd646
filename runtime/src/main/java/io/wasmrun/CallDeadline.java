package io.wasmrun;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A store's timeout for one call: interrupts the calling thread once it elapses. Chicory's
 * interpreter and compiled code check the interrupt flag at calls and loop back-edges and stop,
 * which the runtime reports as the trap {@code interrupt} (a pooled execution stack forwards the
 * interrupt to its own thread). {@link #close()} cancels the timer and clears an interrupt that
 * arrived after the call finished, so it never leaks into later code. One daemon thread serves
 * every store's deadlines.
 */
final class CallDeadline implements AutoCloseable {
    private static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("wasmrun-timeout").daemon(true).unstarted(r));

    private final Duration timeout;
    private final Thread thread;
    private final ScheduledFuture<?> task;
    private boolean fired;
    private boolean done;

    private CallDeadline(Duration timeout, Thread thread) {
        this.timeout = timeout;
        this.thread = thread;
        this.task = TIMER.schedule(this::fire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for {@code thread}; null when there is no timeout. */
    static CallDeadline start(Duration timeout, Thread thread) {
        return timeout == null ? null : new CallDeadline(timeout, thread);
    }

    private synchronized void fire() {
        if (!done) {
            fired = true;
            thread.interrupt();
        }
    }

    synchronized boolean fired() {
        return fired;
    }

    /** The trap to report for an {@code interrupt} trap this deadline caused. */
    Trap timeoutTrap(Trap interrupt) {
        return new Trap(
                "interrupt (the store's timeout of " + format(timeout) + " elapsed)",
                interrupt.backtrace(),
                interrupt);
    }

    /** {@code 250ms}, {@code 2s}, {@code 1.5s}: how people write timeouts. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || millis % 1000 != 0 && millis < 10_000 && millis % 100 != 0) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    @Override
    public void close() {
        synchronized (this) {
            done = true;
        }
        task.cancel(false);
        if (fired()) {
            Thread.interrupted();
        }
    }
}
