package io.wasmrun;

import io.wasmrun.allocator.StoreContext;
import io.wasmrun.runtime.CallDeadline;
import io.wasmrun.runtime.ResourceCaps;
import io.wasmrun.runtime.WasmInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Owns instances and what they share, like wasmtime's {@code Store}: one protection key (every
 * instance of the store runs with it, so instances linked to each other can touch each other's
 * memories), the {@link StoreLimits}, and interruption (a per-call timeout, {@link #interrupt()}).
 * {@link #close()} returns every instance's slot, memories, tables and stack to the allocator.
 *
 * <p>A store is cheap: hosting many short-lived guests is one store per guest. Instances of one
 * store may be called from several threads, but values of one store must not be used in another.
 */
public final class Store implements AutoCloseable {
    private final Engine engine;
    private final StoreContext context;
    private final StoreLimits limits;
    private final List<Instance> instances = new ArrayList<>();
    private final StoreCallers callers = new StoreCallers();
    private volatile Duration timeout;
    private boolean closed;

    private Store(Engine engine, StoreLimits limits) {
        this.engine = engine;
        this.limits = limits;
        this.context = engine.runtime().newStore();
    }

    /** A store without limits of its own. */
    public static Store create(Engine engine) {
        return create(engine, StoreLimits.unlimited());
    }

    public static Store create(Engine engine, StoreLimits limits) {
        return new Store(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(limits, "limits"));
    }

    public Engine engine() {
        return engine;
    }

    public StoreLimits limits() {
        return limits;
    }

    /**
     * Interrupts every call into this store's instances that runs longer than {@code timeout}: it
     * ends with the trap {@link TrapKind#INTERRUPT}. {@code null} or zero removes the timeout.
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout == null || timeout.isZero() ? null : timeout;
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Interrupts the calls running in this store now, from any thread: each ends with the trap
     * {@link TrapKind#INTERRUPT}. Both engines check at calls and loop back-edges.
     */
    public void interrupt() {
        callers.interruptAll();
    }

    /** The live instances, in creation order. */
    public synchronized List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** Closes every instance, releasing what it took from the allocator. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = instances.size() - 1; i >= 0; i--) {
            try {
                instances.get(i).release();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        instances.clear();
        if (failure != null) {
            throw failure;
        }
    }

    StoreContext context() {
        return context;
    }

    ResourceCaps caps() {
        return new ResourceCaps(limits.maxMemoryPages(), limits.maxTableElements());
    }

    /** Checks the instance limit before an instantiation. */
    synchronized void checkCanInstantiate(Module module) {
        checkOpen();
        if (instances.size() >= limits.maxInstances()) {
            throw new WasmrunException(module.name() + ": the store holds " + instances.size()
                    + " instances, as many as its limits allow");
        }
    }

    synchronized void add(Instance instance) {
        if (closed) {
            instance.release();
            throw new IllegalStateException("the store was closed");
        }
        instances.add(instance);
    }

    synchronized void remove(Instance instance) {
        instances.remove(instance);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    /**
     * Runs a call into {@code instance} on its execution stack: with the store's protection key,
     * interruptible by {@link #interrupt()} and the timeout.
     */
    <T> T call(WasmInstance instance, Callable<T> body) {
        return guarded(() -> instance.execute(body));
    }

    /**
     * Runs {@code body}, which may run guest code, under the timeout and {@link #interrupt()}. An
     * interrupt meant for the call is cleared when it ends, so it never reaches the host's code
     * (the calling thread may be a pool's, running other work next).
     */
    <T> T guarded(Supplier<T> body) {
        checkOpen();
        StoreCallers.Call call = callers.enter();
        try (CallDeadline deadline = call != null ? CallDeadline.start(timeout, call.thread) : null) {
            try {
                return body.get();
            } catch (Trap trap) {
                throw deadline != null && deadline.fired() && trap.kind() == TrapKind.INTERRUPT
                        ? deadline.timeoutTrap(trap, "store's timeout")
                        : trap;
            }
        } finally {
            callers.exit(call);
        }
    }
}
