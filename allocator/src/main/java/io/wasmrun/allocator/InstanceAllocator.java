package io.wasmrun.allocator;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.Table;
import io.wasmrun.allocator.config.AllocatorMetrics;
import java.util.Optional;

/**
 * Hands out everything an instance needs (an instance slot, its defined linear memories and
 * tables, an execution stack, a protection key) and takes it back when the instance is closed.
 *
 * <p>Modelled on wasmtime's {@code InstanceAllocator}: the runtime never creates a memory or a
 * table itself, so swapping the allocator (on-demand, pooling, or an embedder's own) changes how
 * every instance is backed without touching the execution engine. Implementations are
 * thread-safe; every {@code allocate*} has a matching {@code deallocate*} that the runtime calls
 * exactly once, also when instantiation fails halfway.
 */
public interface InstanceAllocator extends AutoCloseable {

    /** A short name for messages and metrics, e.g. {@code on-demand} or {@code pooling}. */
    String name();

    /**
     * Checks, before any instantiation, that a module fits this allocator's limits (number of
     * memories and tables, pages, table elements).
     *
     * @throws LimitExceededException naming the limit and the option that raises it
     */
    void validateModule(ModuleInfo module);

    /** How many core instances are allocated and not yet deallocated. */
    int liveCoreInstances();

    /**
     * Reserves an instance slot for one instantiation.
     *
     * @throws LimitExceededException when every slot is taken (never blocks)
     */
    InstanceSlot allocateInstance(AllocationRequest request);

    /** Returns a slot taken by {@link #allocateInstance}; its memories and tables must be gone. */
    void deallocateInstance(InstanceSlot slot);

    /**
     * Creates the defined memory {@code memoryIndex} of the instance in {@code slot}, initially
     * {@code limits.initialPages()} pages of zeros.
     */
    AllocatedMemory allocateMemory(
            AllocationRequest request, InstanceSlot slot, int memoryIndex, MemoryLimits limits);

    /** Releases a memory; a pooling allocator resets it for the slot's next tenant. */
    void deallocateMemory(InstanceSlot slot, AllocatedMemory memory);

    /** Creates the defined table {@code tableIndex}, every element set to {@code initRef}. */
    AllocatedTable allocateTable(
            AllocationRequest request, InstanceSlot slot, int tableIndex, Table table, int initRef);

    /** Releases a table. */
    void deallocateTable(InstanceSlot slot, AllocatedTable table);

    /**
     * Takes an execution stack on which the instance's calls run.
     *
     * @throws LimitExceededException when the stack limit is reached and the allocator is
     *     configured to fail rather than wait
     */
    ExecutionStack allocateStack();

    /** Returns a stack taken by {@link #allocateStack}. */
    void deallocateStack(ExecutionStack stack);

    /** Drops every resource cached for a module (e.g. its copy-on-write memory image). */
    void purgeModule(ModuleId module);

    /** The next protection key to give a store, if this allocator uses protection keys. */
    Optional<ProtectionKey> nextAvailablePkey();

    /** Restricts the calling thread to memory tagged with {@code key}; a no-op without keys. */
    void restrictToPkey(ProtectionKey key);

    /** Lets the calling thread access memory of every key again; a no-op without keys. */
    void allowAllPkeys();

    /** A consistent snapshot of the allocator's counters. */
    AllocatorMetrics metrics();

    /** Releases the allocator's own reservations; live instances must be closed first. */
    @Override
    void close();
}
