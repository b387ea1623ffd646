package io.wasmrun.cli;

import io.wasmrun.Store;
import io.wasmrun.Trap;
import io.wasmrun.TrapKind;
import java.time.Duration;

/**
 * {@code --timeout} for a whole run: instantiation (the start function) and the call after it
 * share one budget, given to the store as the timeout of each call in turn.
 */
final class RunDeadline {
    private static final RunDeadline NONE = new RunDeadline(null, 0);

    private final Duration timeout;
    private final long endNanos;

    private RunDeadline(Duration timeout, long endNanos) {
        this.timeout = timeout;
        this.endNanos = endNanos;
    }

    /** Starts the clock now; with a null {@code timeout}, a deadline that never comes. */
    static RunDeadline start(Duration timeout) {
        return timeout == null ? NONE : new RunDeadline(timeout, System.nanoTime() + timeout.toNanos());
    }

    /** Gives {@code store} what is left of the budget as its timeout for the next call. */
    void applyTo(Store store) {
        if (timeout != null) {
            store.setTimeout(Duration.ofNanos(Math.max(1, endNanos - System.nanoTime())));
        }
    }

    /** {@code trap}, or for the interrupt this deadline caused, the trap naming {@code --timeout}. */
    Trap explain(Trap trap) {
        if (timeout == null || trap.kind() != TrapKind.INTERRUPT || System.nanoTime() - endNanos < 0) {
            return trap;
        }
        return new Trap("interrupt (the --timeout of " + DurationConverter.format(timeout) + " elapsed)", trap.backtrace(), trap);
    }
}
