package io.wasmrun.allocator.pooling;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Table;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.AllocatedTable;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.ExecutionStack;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.InstanceSlot;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.ProtectionKey;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.config.PoolingMetrics;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.allocator.sys.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An {@link InstanceAllocator} that reserves everything up front and reuses it (wasmtime's {@code
 * PoolingInstanceAllocator}): a bounded number of instance slots, a {@link MemoryPool} of memory
 * slots in one reservation with copy-on-write images, a {@link TablePool} and a {@link StackPool}.
 * Instantiation takes slots from the pools and never maps or allocates anything large; closing an
 * instance resets its slots for the next tenant. When a pool is exhausted, allocation fails at
 * once with a {@link LimitExceededException} naming the limit and the option that raises it.
 *
 * <p>Construction refuses, with a message naming the options, a configuration whose reservation
 * the OS refuses or whose mappings would exceed {@code vm.max_map_count}; with protection keys
 * {@code YES} on a machine without them it fails too.
 *
 * <p>With protection keys, memory slots are striped over up to 15 keys, each store gets its key
 * from {@link #nextAvailablePkey()} round robin, its memories come from that key's stripe, and a
 * thread running its wasm is restricted to that key. Threads that touch pooled memories outside
 * wasm calls must be allowed all keys (the allocator allows the calling thread all keys whenever
 * it allocates or frees an instance).
 */
public final class PoolingInstanceAllocator implements InstanceAllocator {
    private static final Path MAX_MAP_COUNT = Path.of("/proc/sys/vm/max_map_count");
    private static final Path SELF_MAPS = Path.of("/proc/self/maps");

    private final PoolingConfig config;
    private final ProtectionKeys keys;
    private final int[] stripeKeys;
    private final int[] stripeOfKey;
    private final IndexAllocator<Object> instances;
    private final MemoryPool memories;
    private final TablePool tables;
    private final StackPool stacks;
    private final AtomicInteger nextStripe = new AtomicInteger();
    private final ConcurrentHashMap<ModuleId, ElementImage> elementImages = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A pool with {@link PoolingConfig#defaults()}. */
    public PoolingInstanceAllocator() {
        this(PoolingConfig.defaults());
    }

    /** A pool with {@code config} and the system's protection keys. */
    public PoolingInstanceAllocator(PoolingConfig config) {
        this(config, ProtectionKeys.system());
    }

    /**
     * A pool with {@code config} and {@code keys} (a test double can stand for the system's).
     *
     * @throws LimitExceededException when the pool cannot be reserved or mapped
     * @throws UnsupportedOperationException when protection keys are required but unsupported
     */
    public PoolingInstanceAllocator(PoolingConfig config, ProtectionKeys keys) {
        this.config = Objects.requireNonNull(config, "config");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.stripeKeys = allocateKeys(config, keys);
        this.stripeOfKey = new int[64];
        java.util.Arrays.fill(stripeOfKey, -1);
        for (int i = 0; i < stripeKeys.length; i++) {
            stripeOfKey[stripeKeys[i]] = i;
        }
        try {
            SlabLayout layout =
                    SlabLayout.calculate(
                            config.totalMemories(),
                            Math.max(1, stripeKeys.length),
                            config.effectiveMemoryReservation(),
                            config.memoryGuardSize(),
                            Libc.pageSize());
            checkMapCount(layout);
            this.memories = new MemoryPool(config, layout, keys, stripeKeys);
        } catch (RuntimeException | Error e) {
            keys.free(stripeKeys);
            throw e;
        }
        if (stripeKeys.length > 0) {
            allowAllPkeys();
        }
        this.instances = new IndexAllocator<>(config.totalCoreInstances(), 0);
        this.tables =
                new TablePool(config.totalTables(), config.tableElements(), config.tableKeepResident());
        this.stacks =
                new StackPool(config.totalStacks(), config.effectiveStackSize(), config.stackWait());
    }

    /** Whether protection keys can be used here: the CPU and the kernel support them. */
    public static boolean protectionKeysSupported() {
        return ProtectionKeys.system().isSupported();
    }

    /** The settings this allocator runs with. */
    public PoolingConfig config() {
        return config;
    }

    /** The protection keys of the memory stripes; empty without keys. */
    public int[] stripeKeys() {
        return stripeKeys.clone();
    }

    @Override
    public String name() {
        return "pooling";
    }

    @Override
    public void validateModule(ModuleInfo info) {
        WasmModule module = info.module();
        Optional<MemorySection> section = module.memorySection();
        int memoryCount = section.map(MemorySection::memoryCount).orElse(0);
        if (memoryCount > config.maxMemoriesPerModule()) {
            throw new LimitExceededException(
                    String.format(
                            "%s defines %d memories, more than the pool's limit of %d per module;"
                                    + " raise --pooling-max-memories-per-module",
                            info.name(), memoryCount, config.maxMemoriesPerModule()));
        }
        for (int i = 0; i < memoryCount; i++) {
            MemoryLimits limits = section.get().getMemory(i).limits();
            if ((long) limits.initialPages() * com.dylibso.chicory.runtime.Memory.PAGE_SIZE
                    > config.maxMemorySize()) {
                throw new LimitExceededException(
                        MemoryPool.memoryTooLarge(info.name(), i, limits.initialPages())
                                + " (limit: "
                                + Sizes.format(config.maxMemorySize())
                                + ")");
            }
        }
        int tableCount = module.tableSection().tableCount();
        if (tableCount > config.maxTablesPerModule()) {
            throw new LimitExceededException(
                    String.format(
                            "%s defines %d tables, more than the pool's limit of %d per module;"
                                    + " raise --pooling-max-tables-per-module",
                            info.name(), tableCount, config.maxTablesPerModule()));
        }
        for (int i = 0; i < tableCount; i++) {
            long min = module.tableSection().getTable(i).limits().min();
            if (min > config.tableElements()) {
                throw new LimitExceededException(
                        TablePool.tooLarge(info.name(), i, min)
                                + " (limit: "
                                + config.tableElements()
                                + ")");
            }
        }
    }

    @Override
    public int liveCoreInstances() {
        return instances.used();
    }

    @Override
    public InstanceSlot allocateInstance(AllocationRequest request) {
        checkOpen();
        int index = instances.alloc(null);
        if (index < 0) {
            throw new LimitExceededException(
                    "maximum concurrent core instance limit of "
                            + config.totalCoreInstances()
                            + " reached; raise --pooling-total-core-instances (--max-instances)");
        }
        if (stripeKeys.length > 0) {
            allowAllPkeys();
        }
        return new InstanceSlot(index, request.module().id());
    }

    @Override
    public void deallocateInstance(InstanceSlot slot) {
        instances.free(slot.index());
    }

    @Override
    public AllocatedMemory allocateMemory(
            AllocationRequest request, InstanceSlot slot, int memoryIndex, MemoryLimits limits) {
        checkOpen();
        if (memoryIndex >= config.maxMemoriesPerModule()) {
            throw new LimitExceededException(
                    request.module().name()
                            + " needs more than "
                            + config.maxMemoriesPerModule()
                            + " memories; raise --pooling-max-memories-per-module");
        }
        return memories.allocate(request.module(), memoryIndex, limits, stripeOf(request));
    }

    @Override
    public void deallocateMemory(InstanceSlot slot, AllocatedMemory memory) {
        if (!(memory.memory() instanceof SegmentMemory segmentMemory)
                || !(segmentMemory.backing() instanceof PooledLinearMemory)) {
            throw new IllegalArgumentException(
                    "memory was not allocated by the pooling allocator: " + memory.memory());
        }
        if (stripeKeys.length > 0) {
            allowAllPkeys();
        }
        segmentMemory.release();
    }

    @Override
    public AllocatedTable allocateTable(
            AllocationRequest request, InstanceSlot slot, int tableIndex, Table table, int initRef) {
        checkOpen();
        if (tableIndex >= config.maxTablesPerModule()) {
            throw new LimitExceededException(
                    request.module().name()
                            + " needs more than "
                            + config.maxTablesPerModule()
                            + " tables; raise --pooling-max-tables-per-module");
        }
        return tables.allocate(
                request.module().name(), tableIndex, table, initRef, elementImage(request.module()));
    }

    @Override
    public void deallocateTable(InstanceSlot slot, AllocatedTable table) {
        tables.deallocate(table);
    }

    /**
     * A pooled thread of {@link PoolingConfig#effectiveStackSize()}, or the caller's thread when
     * that is 0.
     *
     * @throws LimitExceededException when {@code totalStacks} threads are busy past {@code
     *     stackWait}
     */
    @Override
    public ExecutionStack allocateStack() {
        checkOpen();
        return stacks.allocate();
    }

    @Override
    public void deallocateStack(ExecutionStack stack) {
        stacks.deallocate(stack);
    }

    @Override
    public void purgeModule(ModuleId module) {
        elementImages.remove(module);
        memories.purge(module, config.maxMemoriesPerModule());
    }

    /** The module's element image, built on its first instantiation. */
    private ElementImage elementImage(ModuleInfo module) {
        ElementImage image = elementImages.get(module.id());
        if (image == null) {
            image = elementImages.computeIfAbsent(module.id(), id -> ElementImage.build(module.module()));
        }
        return image;
    }

    @Override
    public Optional<ProtectionKey> nextAvailablePkey() {
        if (stripeKeys.length == 0) {
            return Optional.empty();
        }
        int stripe = Math.floorMod(nextStripe.getAndIncrement(), stripeKeys.length);
        return Optional.of(new ProtectionKey(stripeKeys[stripe]));
    }

    @Override
    public void restrictToPkey(ProtectionKey key) {
        for (int k : stripeKeys) {
            keys.setRights(k, k == key.value() ? 0 : ProtectionKeys.DISABLE_ACCESS);
        }
    }

    @Override
    public void allowAllPkeys() {
        for (int k : stripeKeys) {
            keys.setRights(k, 0);
        }
    }

    @Override
    public AllocatorMetrics metrics() {
        return new AllocatorMetrics(
                instances.used(),
                memories.live(),
                tables.live(),
                stacks.live(),
                memories.unusedWarm(),
                memories.residentBytes());
    }

    /** Every counter of the pools. */
    public PoolingMetrics poolingMetrics() {
        return new PoolingMetrics(
                instances.used(),
                memories.live(),
                tables.live(),
                stacks.live(),
                memories.unusedWarm(),
                memories.residentBytes(),
                tables.unusedWarm(),
                tables.residentBytes(),
                stacks.unusedWarm(),
                memories.pendingResets(),
                memories.imagedModules());
    }

    /** Resets every memory slot waiting in the decommit queue now. */
    public void flushDecommitQueue() {
        memories.resetPending();
    }

    /**
     * Stops the stack threads, unmaps the pool and frees the keys. Live instances must be closed
     * first; if memories are still live the reservation is left mapped rather than pulled from
     * under them.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stacks.close();
        memories.close();
        if (memories.live() == 0) {
            keys.free(stripeKeys);
        }
    }

    /** The memory slot this allocator gave the memory (for tests). */
    static int slotOf(AllocatedMemory memory) {
        return ((PooledLinearMemory) ((SegmentMemory) memory.memory()).backing()).slot();
    }

    MemoryPool memoryPool() {
        return memories;
    }

    private int stripeOf(AllocationRequest request) {
        ProtectionKey key = request.store().protectionKey();
        if (key == null || stripeKeys.length == 0) {
            return 0;
        }
        int value = key.value();
        int stripe = value >= 0 && value < stripeOfKey.length ? stripeOfKey[value] : -1;
        if (stripe < 0) {
            throw new IllegalArgumentException("protection key " + value + " is not this pool's");
        }
        return stripe;
    }

    private static int[] allocateKeys(PoolingConfig config, ProtectionKeys keys) {
        switch (config.memoryProtectionKeys()) {
            case NO:
                return new int[0];
            case YES:
                if (!keys.isSupported()) {
                    String reason =
                            keys instanceof SystemProtectionKeys system
                                    ? system.unsupportedReason().map(r -> " (" + r + ")").orElse("")
                                    : "";
                    throw new UnsupportedOperationException(
                            "memory protection keys are not supported on this machine"
                                    + reason
                                    + "; use --pooling-memory-protection-keys=auto or no");
                }
                break;
            case AUTO:
                if (!keys.isSupported()) {
                    return new int[0];
                }
                break;
            default:
                throw new AssertionError();
        }
        int wanted = Math.min(config.maxMemoryProtectionKeys(), Math.max(1, config.totalMemories()));
        int[] allocated = keys.allocate(wanted);
        if (allocated.length < 2) {
            // One key separates nothing from anything: stripe only with two or more.
            keys.free(allocated);
            if (config.memoryProtectionKeys() == PoolingConfig.Enabled.YES) {
                throw new UnsupportedOperationException(
                        "memory protection keys: the kernel gave "
                                + allocated.length
                                + " key(s), at least 2 are needed; use"
                                + " --pooling-memory-protection-keys=auto or no");
            }
            return new int[0];
        }
        return allocated;
    }

    /** Refuses a layout whose mappings would not fit under {@code vm.max_map_count}. */
    private static void checkMapCount(SlabLayout layout) {
        long limit = readLong(MAX_MAP_COUNT);
        if (limit <= 0) {
            return;
        }
        long inUse;
        try (Stream<String> lines = Files.lines(SELF_MAPS)) {
            inUse = lines.count();
        } catch (IOException | RuntimeException e) {
            inUse = 0;
        }
        long needed = layout.maxMappings();
        if (inUse + needed > limit) {
            throw new LimitExceededException(
                    String.format(
                            "%d pooled memories can need up to %d memory mappings (%d per slot),"
                                    + " but vm.max_map_count is %d and the process already uses"
                                    + " %d; lower --pooling-total-memories or raise"
                                    + " vm.max_map_count (sysctl vm.max_map_count=%d)",
                            layout.slots(),
                            needed,
                            SlabLayout.MAPPINGS_PER_SLOT,
                            limit,
                            inUse,
                            inUse + needed + 10_000));
        }
    }

    private static long readLong(Path path) {
        try {
            // /proc files report size 0: read them as a stream, not by their size
            try (var in = Files.newInputStream(path)) {
                return Long.parseLong(new String(in.readAllBytes()).strip());
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the pooling allocator is closed");
        }
    }
}
