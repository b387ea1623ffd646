package io.wasmrun.allocator.config;

import com.dylibso.chicory.runtime.Memory;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the {@code PoolingInstanceAllocator}, after wasmtime's {@code
 * PoolingAllocationConfig}. Sizes are bytes. Build one with {@link #builder()} (or change one with
 * {@link #toBuilder()}); the compact constructor refuses impossible values, {@code
 * PoolingInstanceAllocator}'s constructor refuses combinations the machine cannot map. Defaults are
 * in parentheses.
 *
 * @param totalCoreInstances instances alive at once (1000)
 * @param totalMemories memory slots in the one reservation (1000)
 * @param totalTables table slots (1000)
 * @param totalStacks execution-stack threads alive at once, only with a stack size (1000)
 * @param maxMemoriesPerModule defined memories one module may have (1)
 * @param maxTablesPerModule defined tables one module may have (1)
 * @param maxMemorySize the largest memory ({@link #MAX_MEMORY_BYTES}, Chicory's cap; wasmtime's 4
 *     GiB is beyond it)
 * @param tableElements the largest table (20000)
 * @param memoryReservation address space per slot, 0 for {@code maxMemorySize}; must hold {@code
 *     maxMemorySize}, as slots never move (0)
 * @param memoryGuardSize inaccessible bytes after each slot (32 MiB)
 * @param memoryKeepResident written pages of a freed memory (found with {@code PAGEMAP_SCAN})
 *     restored by writing instead of {@code madvise}, so they stay resident for the next tenant;
 *     without {@code PAGEMAP_SCAN} (Linux before 6.7) the first bytes of a memory without an image
 *     are zeroed (1 MiB; wasmtime's default is 0, its docs suggest about 1 MiB with {@code
 *     PAGEMAP_SCAN})
 * @param tableKeepResident a freed table whose arrays fit is cleared and kept for the slot's next
 *     tenant, larger ones are left to the GC (256 KiB, which covers 20000 elements; wasmtime's
 *     default is 0, but a JVM table is heap arrays and keeping them avoids garbage)
 * @param decommitBatchSize freed memories reset together; until then their slots are not reused (1)
 * @param memoryProtectionKeys stripe slots by MPK key: AUTO when supported, YES or fail (NO)
 * @param maxMemoryProtectionKeys keys to allocate; the kernel has at most 15 (16)
 * @param asyncStackSize stack size of each pooled execution thread; 0 runs calls on the caller's
 *     thread (0)
 * @param maxWasmStack stack for wasm: the thread size when {@code asyncStackSize} is 0, otherwise
 *     at most {@code asyncStackSize} (0)
 * @param stackWait how long a call waits for a free stack before failing; 0 fails at once (0)
 * @param maxUnusedWarmSlots freed slots kept for affinity before the least recently used is reused
 *     (100)
 */
public record PoolingConfig(
        int totalCoreInstances,
        int totalMemories,
        int totalTables,
        int totalStacks,
        int maxMemoriesPerModule,
        int maxTablesPerModule,
        long maxMemorySize,
        int tableElements,
        long memoryReservation,
        long memoryGuardSize,
        long memoryKeepResident,
        long tableKeepResident,
        int decommitBatchSize,
        Enabled memoryProtectionKeys,
        int maxMemoryProtectionKeys,
        long asyncStackSize,
        long maxWasmStack,
        Duration stackWait,
        int maxUnusedWarmSlots) {

    /** The largest memory Chicory can address: 32767 pages of 64 KiB. */
    public static final long MAX_MEMORY_BYTES = (long) Memory.RUNTIME_MAX_PAGES * Memory.PAGE_SIZE;

    private static final long MIB = 1L << 20;

    /** A three-way switch: {@code auto}, {@code yes}, {@code no}. */
    public enum Enabled {
        AUTO,
        YES,
        NO;

        /** The lower-case name used on the command line. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PoolingConfig {
        positive("totalCoreInstances", totalCoreInstances);
        nonNegative("totalMemories", totalMemories);
        nonNegative("totalTables", totalTables);
        positive("totalStacks", totalStacks);
        nonNegative("maxMemoriesPerModule", maxMemoriesPerModule);
        nonNegative("maxTablesPerModule", maxTablesPerModule);
        nonNegative("maxMemorySize", maxMemorySize);
        nonNegative("tableElements", tableElements);
        nonNegative("memoryReservation", memoryReservation);
        nonNegative("memoryGuardSize", memoryGuardSize);
        nonNegative("memoryKeepResident", memoryKeepResident);
        nonNegative("tableKeepResident", tableKeepResident);
        positive("decommitBatchSize", decommitBatchSize);
        Objects.requireNonNull(memoryProtectionKeys, "memoryProtectionKeys");
        positive("maxMemoryProtectionKeys", maxMemoryProtectionKeys);
        nonNegative("asyncStackSize", asyncStackSize);
        nonNegative("maxWasmStack", maxWasmStack);
        Objects.requireNonNull(stackWait, "stackWait");
        if (stackWait.isNegative()) {
            throw new IllegalArgumentException("stackWait must not be negative: " + stackWait);
        }
        nonNegative("maxUnusedWarmSlots", maxUnusedWarmSlots);
        if (maxMemorySize > MAX_MEMORY_BYTES) {
            throw new IllegalArgumentException(
                    "max memory size "
                            + maxMemorySize
                            + " exceeds Chicory's cap of "
                            + MAX_MEMORY_BYTES
                            + " bytes (32767 pages)");
        }
        if (memoryReservation != 0 && memoryReservation < maxMemorySize) {
            throw new IllegalArgumentException(
                    "--pooling-max-memory-size ("
                            + maxMemorySize
                            + ") is larger than --memory-reservation ("
                            + memoryReservation
                            + "); a pool slot never moves, so its reservation must hold the"
                            + " largest memory");
        }
        if (asyncStackSize > 0 && maxWasmStack > asyncStackSize) {
            throw new IllegalArgumentException(
                    "--max-wasm-stack ("
                            + maxWasmStack
                            + ") exceeds --async-stack-size ("
                            + asyncStackSize
                            + "); wasm runs on the async stack");
        }
        if (totalMemories < maxMemoriesPerModule) {
            throw new IllegalArgumentException(
                    "--pooling-max-memories-per-module ("
                            + maxMemoriesPerModule
                            + ") exceeds --pooling-total-memories ("
                            + totalMemories
                            + ")");
        }
        if (totalTables < maxTablesPerModule) {
            throw new IllegalArgumentException(
                    "--pooling-max-tables-per-module ("
                            + maxTablesPerModule
                            + ") exceeds --pooling-total-tables ("
                            + totalTables
                            + ")");
        }
    }

    /** The defaults listed above. */
    public static PoolingConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The address space of one slot: {@link #memoryReservation}, or the max memory size. */
    public long effectiveMemoryReservation() {
        return memoryReservation == 0 ? maxMemorySize : memoryReservation;
    }

    /** The stack size of pooled execution threads, 0 when calls run on the caller's thread. */
    public long effectiveStackSize() {
        return asyncStackSize > 0 ? asyncStackSize : maxWasmStack;
    }

    /**
     * Collects settings for a {@link PoolingConfig}, starting from the defaults; each setter is
     * named after the component it sets, and {@link #build()} validates them.
     */
    public static final class Builder {
        private int totalCoreInstances = 1000;
        private int totalMemories = 1000;
        private int totalTables = 1000;
        private int totalStacks = 1000;
        private int maxMemoriesPerModule = 1;
        private int maxTablesPerModule = 1;
        private long maxMemorySize = MAX_MEMORY_BYTES;
        private int tableElements = 20_000;
        private long memoryReservation = 0;
        private long memoryGuardSize = 32 * MIB;
        private long memoryKeepResident = MIB;
        private long tableKeepResident = 256 * 1024;
        private int decommitBatchSize = 1;
        private Enabled memoryProtectionKeys = Enabled.NO;
        private int maxMemoryProtectionKeys = 16;
        private long asyncStackSize = 0;
        private long maxWasmStack = 0;
        private Duration stackWait = Duration.ZERO;
        private int maxUnusedWarmSlots = 100;

        private Builder() {}

        private Builder(PoolingConfig config) {
            totalCoreInstances = config.totalCoreInstances;
            totalMemories = config.totalMemories;
            totalTables = config.totalTables;
            totalStacks = config.totalStacks;
            maxMemoriesPerModule = config.maxMemoriesPerModule;
            maxTablesPerModule = config.maxTablesPerModule;
            maxMemorySize = config.maxMemorySize;
            tableElements = config.tableElements;
            memoryReservation = config.memoryReservation;
            memoryGuardSize = config.memoryGuardSize;
            memoryKeepResident = config.memoryKeepResident;
            tableKeepResident = config.tableKeepResident;
            decommitBatchSize = config.decommitBatchSize;
            memoryProtectionKeys = config.memoryProtectionKeys;
            maxMemoryProtectionKeys = config.maxMemoryProtectionKeys;
            asyncStackSize = config.asyncStackSize;
            maxWasmStack = config.maxWasmStack;
            stackWait = config.stackWait;
            maxUnusedWarmSlots = config.maxUnusedWarmSlots;
        }

        public Builder totalCoreInstances(int totalCoreInstances) {
            this.totalCoreInstances = totalCoreInstances;
            return this;
        }

        public Builder totalMemories(int totalMemories) {
            this.totalMemories = totalMemories;
            return this;
        }

        public Builder totalTables(int totalTables) {
            this.totalTables = totalTables;
            return this;
        }

        public Builder totalStacks(int totalStacks) {
            this.totalStacks = totalStacks;
            return this;
        }

        public Builder maxMemoriesPerModule(int maxMemoriesPerModule) {
            this.maxMemoriesPerModule = maxMemoriesPerModule;
            return this;
        }

        public Builder maxTablesPerModule(int maxTablesPerModule) {
            this.maxTablesPerModule = maxTablesPerModule;
            return this;
        }

        public Builder maxMemorySize(long maxMemorySize) {
            this.maxMemorySize = maxMemorySize;
            return this;
        }

        public Builder tableElements(int tableElements) {
            this.tableElements = tableElements;
            return this;
        }

        public Builder memoryReservation(long memoryReservation) {
            this.memoryReservation = memoryReservation;
            return this;
        }

        public Builder memoryGuardSize(long memoryGuardSize) {
            this.memoryGuardSize = memoryGuardSize;
            return this;
        }

        public Builder memoryKeepResident(long memoryKeepResident) {
            this.memoryKeepResident = memoryKeepResident;
            return this;
        }

        public Builder tableKeepResident(long tableKeepResident) {
            this.tableKeepResident = tableKeepResident;
            return this;
        }

        public Builder decommitBatchSize(int decommitBatchSize) {
            this.decommitBatchSize = decommitBatchSize;
            return this;
        }

        public Builder memoryProtectionKeys(Enabled memoryProtectionKeys) {
            this.memoryProtectionKeys = memoryProtectionKeys;
            return this;
        }

        public Builder maxMemoryProtectionKeys(int maxMemoryProtectionKeys) {
            this.maxMemoryProtectionKeys = maxMemoryProtectionKeys;
            return this;
        }

        public Builder asyncStackSize(long asyncStackSize) {
            this.asyncStackSize = asyncStackSize;
            return this;
        }

        public Builder maxWasmStack(long maxWasmStack) {
            this.maxWasmStack = maxWasmStack;
            return this;
        }

        public Builder stackWait(Duration stackWait) {
            this.stackWait = stackWait;
            return this;
        }

        public Builder maxUnusedWarmSlots(int maxUnusedWarmSlots) {
            this.maxUnusedWarmSlots = maxUnusedWarmSlots;
            return this;
        }

        /** The configuration, checked by the record's constructor. */
        public PoolingConfig build() {
            return new PoolingConfig(
                    totalCoreInstances,
                    totalMemories,
                    totalTables,
                    totalStacks,
                    maxMemoriesPerModule,
                    maxTablesPerModule,
                    maxMemorySize,
                    tableElements,
                    memoryReservation,
                    memoryGuardSize,
                    memoryKeepResident,
                    tableKeepResident,
                    decommitBatchSize,
                    memoryProtectionKeys,
                    maxMemoryProtectionKeys,
                    asyncStackSize,
                    maxWasmStack,
                    stackWait,
                    maxUnusedWarmSlots);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
