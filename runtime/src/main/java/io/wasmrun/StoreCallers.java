package io.wasmrun;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads running calls into one store, so that {@link Store#interrupt()} reaches each of
 * them and an interrupt never outlives the call it was meant for (the calling thread may be a
 * pool's, running other work next). The common case, one thread in the store at a time, costs one
 * compare-and-set on the way in and one on the way out; threads that call while another is in
 * are kept in a map.
 *
 * <p>Each outermost call has a state: running, then done, unless {@link #interruptAll()} moves it
 * to interrupting first, and to interrupted once the thread's interrupt flag is set. A call that
 * ends while it is being interrupted waits for the flag and clears it.
 */
final class StoreCallers {
    private static final int RUNNING = 0;
    private static final int INTERRUPTING = 1;
    private static final int INTERRUPTED = 2;
    private static final int DONE = 3;
    private static final VarHandle SOLE;
    private static final VarHandle STATE;

    static {
        try {
            var lookup = MethodHandles.lookup();
            SOLE = lookup.findVarHandle(StoreCallers.class, "sole", Call.class);
            STATE = lookup.findVarHandle(Call.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One outermost call into the store. */
    static final class Call {
        final Thread thread;
        volatile int state = RUNNING;

        private Call(Thread thread) {
            this.thread = thread;
        }
    }

    private volatile Call sole;
    private final Map<Thread, Call> others = new ConcurrentHashMap<>();

    /** Registers the calling thread; null when it is already in a call of this store (a nested call). */
    Call enter() {
        Thread self = Thread.currentThread();
        Call current = sole;
        if (current != null && current.thread == self || !others.isEmpty() && others.containsKey(self)) {
            return null;
        }
        Call call = new Call(self);
        if (!SOLE.compareAndSet(this, null, call)) {
            others.put(self, call);
        }
        return call;
    }

    /** Ends {@code call} (null: a nested call), clearing an interrupt that was meant for it. */
    void exit(Call call) {
        if (call == null) {
            return;
        }
        if (!STATE.compareAndSet(call, RUNNING, DONE)) {
            while (call.state != INTERRUPTED) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
        }
        if (!SOLE.compareAndSet(this, call, null)) {
            others.remove(call.thread, call);
        }
    }

    /** Interrupts every call running now. */
    void interruptAll() {
        interrupt(sole);
        others.values().forEach(StoreCallers::interrupt);
    }

    private static void interrupt(Call call) {
        if (call != null && STATE.compareAndSet(call, RUNNING, INTERRUPTING)) {
            call.thread.interrupt();
            call.state = INTERRUPTED;
        }
    }
}
