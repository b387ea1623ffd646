package io.wasmrun;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link StoreCallers}: who {@link Store#interrupt()} reaches, and that no interrupt outlives its call. */
class StoreCallersTest {
    @Test
    void aNestedCallIsNotRegisteredAgain() {
        var callers = new StoreCallers();
        var outer = callers.enter();
        assertNotNull(outer);
        assertNull(callers.enter(), "the thread is already in a call of this store");
        callers.exit(null);
        callers.exit(outer);
        var next = callers.enter();
        assertNotNull(next, "after the outer call ended the thread registers again");
        callers.exit(next);
    }

    @Test
    void interruptReachesEveryThreadInTheStoreAndIsClearedWhenItsCallEnds() throws Exception {
        var callers = new StoreCallers();
        int threads = 3;
        var inside = new CountDownLatch(threads);
        var sawInterrupt = new CountDownLatch(threads);
        var flagLeftAfterExit = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().start(() -> {
                var call = callers.enter();
                inside.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                sawInterrupt.countDown();
                callers.exit(call);
                flagLeftAfterExit.compareAndSet(false, Thread.currentThread().isInterrupted());
            });
        }
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        callers.interruptAll();
        assertTrue(sawInterrupt.await(30, TimeUnit.SECONDS), "one sole caller and two others, all interrupted");
        for (Thread t : workers) {
            t.join(30_000);
        }
        assertFalse(flagLeftAfterExit.get(), "the interrupt was cleared when the call ended");
    }

    @Test
    void anInterruptRacingTheEndOfACallNeverLeaksIntoTheThread() throws Exception {
        var callers = new StoreCallers();
        var stop = new AtomicBoolean();
        var leaked = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000 && !leaked.get(); i++) {
                var call = callers.enter();
                callers.exit(call);
                if (Thread.interrupted()) {
                    leaked.set(true);
                }
            }
            stop.set(true);
        });
        while (!stop.get()) {
            callers.interruptAll();
        }
        worker.join(60_000);
        assertFalse(leaked.get(), "an interrupt arrived after the call it was meant for had ended");
    }
}
