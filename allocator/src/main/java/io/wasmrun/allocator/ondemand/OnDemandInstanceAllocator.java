package io.wasmrun.allocator.ondemand;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Table;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.AllocatedTable;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.ExecutionStack;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.InstanceSlot;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.ProtectionKey;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.allocator.stack.CallerThreadStack;
import io.wasmrun.allocator.stack.ThreadExecutionStack;
import io.wasmrun.allocator.table.Tables;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link InstanceAllocator}: creates every resource when asked and frees it when
 * given back, keeping nothing in between (see the package description for how memories are
 * mapped). Thread-safe; it only counts what is live. It has no protection keys.
 */
public final class OnDemandInstanceAllocator implements InstanceAllocator {
    private final OnDemandConfig config;
    private final OnDemandMemories memories;
    private final AtomicInteger nextSlot = new AtomicInteger();
    private final AtomicInteger liveInstances = new AtomicInteger();
    private final AtomicInteger liveMemories = new AtomicInteger();
    private final AtomicInteger liveTables = new AtomicInteger();
    private final AtomicInteger liveStacks = new AtomicInteger();
    private volatile boolean closed;

    /** An allocator with {@link OnDemandConfig#defaults()}. */
    public OnDemandInstanceAllocator() {
        this(OnDemandConfig.defaults());
    }

    public OnDemandInstanceAllocator(OnDemandConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.memories = new OnDemandMemories(config);
    }

    /** The settings this allocator runs with. */
    public OnDemandConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "on-demand";
    }

    @Override
    public void validateModule(ModuleInfo module) {
        Optional<MemorySection> section = module.module().memorySection();
        if (section.isPresent()) {
            for (int i = 0; i < section.get().memoryCount(); i++) {
                memories.check(module.name(), i, section.get().getMemory(i).limits());
            }
        }
    }

    @Override
    public int liveCoreInstances() {
        return liveInstances.get();
    }

    @Override
    public InstanceSlot allocateInstance(AllocationRequest request) {
        checkOpen();
        liveInstances.incrementAndGet();
        return new InstanceSlot(nextSlot.getAndIncrement(), request.module().id());
    }

    @Override
    public void deallocateInstance(InstanceSlot slot) {
        liveInstances.decrementAndGet();
    }

    @Override
    public AllocatedMemory allocateMemory(
            AllocationRequest request, InstanceSlot slot, int memoryIndex, MemoryLimits limits) {
        checkOpen();
        SegmentMemory memory = memories.create(request.module().name(), memoryIndex, limits);
        liveMemories.incrementAndGet();
        return new AllocatedMemory(memory, -1);
    }

    @Override
    public void deallocateMemory(InstanceSlot slot, AllocatedMemory memory) {
        if (!(memory.memory() instanceof SegmentMemory segmentMemory)) {
            throw new IllegalArgumentException(
                    "memory was not allocated by the on-demand allocator: " + memory.memory());
        }
        if (segmentMemory.release()) {
            liveMemories.decrementAndGet();
        }
    }

    @Override
    public AllocatedTable allocateTable(
            AllocationRequest request,
            InstanceSlot slot,
            int tableIndex,
            Table table,
            int initRef) {
        checkOpen();
        AllocatedTable allocated = new AllocatedTable(Tables.create(table, initRef), -1);
        liveTables.incrementAndGet();
        return allocated;
    }

    @Override
    public void deallocateTable(InstanceSlot slot, AllocatedTable table) {
        liveTables.decrementAndGet();
    }

    /**
     * The caller's thread when {@code maxWasmStack} is 0, else a new platform thread of that
     * stack size, started on its first call.
     */
    @Override
    public ExecutionStack allocateStack() {
        checkOpen();
        ExecutionStack stack =
                config.maxWasmStack() == 0
                        ? CallerThreadStack.INSTANCE
                        : new ThreadExecutionStack(config.maxWasmStack());
        liveStacks.incrementAndGet();
        return stack;
    }

    @Override
    public void deallocateStack(ExecutionStack stack) {
        if (stack instanceof ThreadExecutionStack thread) {
            thread.close();
        }
        liveStacks.decrementAndGet();
    }

    /** Nothing is cached per module. */
    @Override
    public void purgeModule(ModuleId module) {}

    @Override
    public Optional<ProtectionKey> nextAvailablePkey() {
        return Optional.empty();
    }

    @Override
    public void restrictToPkey(ProtectionKey key) {}

    @Override
    public void allowAllPkeys() {}

    /** Live counts; this allocator keeps no unused slots and no resident bytes of its own. */
    @Override
    public AllocatorMetrics metrics() {
        return new AllocatorMetrics(
                liveInstances.get(), liveMemories.get(), liveTables.get(), liveStacks.get(), 0, 0);
    }

    /** Refuses further allocations; resources still live stay valid until given back. */
    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the on-demand allocator is closed");
        }
    }
}
