package io.wasmrun.runtime;

import io.wasmrun.Trap;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timeout for one call into the guest ({@code --timeout}, a store's timeout): interrupts the
 * calling thread once it elapses. Chicory's
 * interpreter and compiled code check the interrupt flag at calls and loop back-edges and stop,
 * which the runtime reports as the trap {@code interrupt} (a pooled execution stack forwards the
 * interrupt to its own thread). {@link #close()} cancels the timer and clears an interrupt that
 * arrived after the call finished, so it never leaks into later code. One daemon thread serves
 * every store's deadlines.
 */
public final class CallDeadline implements AutoCloseable {
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
    public static CallDeadline start(Duration timeout, Thread thread) {
        return timeout == null ? null : new CallDeadline(timeout, thread);
    }

    private synchronized void fire() {
        if (!done) {
            fired = true;
            thread.interrupt();
        }
    }

    /** Whether the timeout elapsed while the call ran. */
    public synchronized boolean fired() {
        return fired;
    }

    /**
     * The trap to report for an {@code interrupt} trap this deadline caused, e.g. {@code interrupt
     * (the --timeout of 2s elapsed)} for {@code what} = {@code --timeout}.
     */
    public Trap timeoutTrap(Trap interrupt, String what) {
        return new Trap(
                "interrupt (the " + what + " of " + format(timeout) + " elapsed)",
                interrupt.backtrace(),
                interrupt);
    }

    /** {@code 500ms}, {@code 2s}, {@code 1.5s}: the shortest natural spelling. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos >= 1_000_000_000L) {
            return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
    }

    /** Cancels the clock; clears an interrupt that came after the call finished. */
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
