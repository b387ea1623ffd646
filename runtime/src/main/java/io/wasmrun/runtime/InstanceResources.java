package io.wasmrun.runtime;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.AllocatedTable;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.ExecutionStack;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.InstanceSlot;
import io.wasmrun.allocator.ProtectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Everything one instance took from the allocator, given back exactly once on {@link #close()}
 * (wasmtime's {@code DeallocateOnDrop}): closing after a failed instantiation returns whatever
 * was taken before the failure, so a half-made instance never leaks a slot or a mapping.
 */
final class InstanceResources implements AutoCloseable {
    private final InstanceAllocator allocator;
    private final AllocationRequest request;
    private final InstanceSlot slot;
    private final ResourceCaps caps;
    private final List<AllocatedMemory> memories = new ArrayList<>(1);
    private final List<AllocatedTable> tables = new ArrayList<>(1);
    private ExecutionStack stack;
    private boolean closed;

    private InstanceResources(
            InstanceAllocator allocator, AllocationRequest request, InstanceSlot slot, ResourceCaps caps) {
        this.allocator = allocator;
        this.request = request;
        this.slot = slot;
        this.caps = caps;
    }

    /** Takes an instance slot; the caller must close the result. */
    static InstanceResources allocate(
            InstanceAllocator allocator, AllocationRequest request, ResourceCaps caps) {
        return new InstanceResources(allocator, request, allocator.allocateInstance(request), caps);
    }

    /** Chicory's memory factory: called once per defined memory, in index order. */
    Memory memory(MemoryLimits limits) {
        AllocatedMemory memory =
                allocator.allocateMemory(request, slot, memories.size(), capped(limits));
        memories.add(memory);
        return memory.memory();
    }

    /** Chicory's table factory: called once per defined table, in index order. */
    TableInstance table(Table table, int initRef) {
        AllocatedTable allocated =
                allocator.allocateTable(request, slot, tables.size(), capped(table), initRef);
        tables.add(allocated);
        return allocated.table();
    }

    /**
     * Runs {@code body} on the instance's execution stack (taken on first use), restricted to the
     * store's protection key when it has one.
     */
    <T> T execute(Callable<T> body) throws Exception {
        if (stack == null) {
            stack = allocator.allocateStack();
        }
        ProtectionKey key = request.store().protectionKey();
        if (key == null) {
            return stack.execute(body);
        }
        return stack.execute(
                () -> {
                    allocator.restrictToPkey(key);
                    try {
                        return body.call();
                    } finally {
                        allocator.allowAllPkeys();
                    }
                });
    }

    private MemoryLimits capped(MemoryLimits limits) {
        if (limits.maximumPages() <= caps.memoryPages()) {
            return limits;
        }
        if (limits.initialPages() > caps.memoryPages()) {
            throw new LimitExceededException(String.format(
                    "memory %d needs %d pages initially, more than the store allows (%d)",
                    memories.size(), limits.initialPages(), caps.memoryPages()));
        }
        return new MemoryLimits(limits.initialPages(), (int) caps.memoryPages(), limits.shared());
    }

    private Table capped(Table table) {
        TableLimits limits = table.limits();
        if (limits.max() <= caps.tableElements()) {
            return table;
        }
        if (limits.min() > caps.tableElements()) {
            throw new LimitExceededException(String.format(
                    "table %d needs %d elements initially, more than the store allows (%d)",
                    tables.size(), limits.min(), caps.tableElements()));
        }
        return new Table(
                table.elementType(),
                new TableLimits(limits.min(), caps.tableElements(), limits.shared()),
                table.initialize());
    }

    InstanceSlot slot() {
        return slot;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = tables.size() - 1; i >= 0; i--) {
            failure = run(failure, tables.get(i), t -> allocator.deallocateTable(slot, t));
        }
        for (int i = memories.size() - 1; i >= 0; i--) {
            failure = run(failure, memories.get(i), m -> allocator.deallocateMemory(slot, m));
        }
        if (stack != null) {
            failure = run(failure, stack, allocator::deallocateStack);
        }
        failure = run(failure, slot, allocator::deallocateInstance);
        if (failure != null) {
            throw failure;
        }
    }

    private static <T> RuntimeException run(
            RuntimeException failure, T resource, java.util.function.Consumer<T> release) {
        try {
            release.accept(resource);
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }
}
