package io.wasmrun.allocator.config;

import com.dylibso.chicory.runtime.Memory;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the {@code PoolingInstanceAllocator}, after wasmtime's {@code
 * PoolingAllocationConfig}. Sizes are bytes. Start from {@link #defaults()} and change one knob at
 * a time with the {@code with*} methods; the compact constructor refuses impossible values,
 * {@code PoolingInstanceAllocator}'s constructor refuses combinations the machine cannot map.
 *
 * <table>
 *   <caption>Knobs, defaults and CLI options</caption>
 *   <tr><th>knob</th><th>default</th><th>option</th><th>meaning</th></tr>
 *   <tr><td>totalCoreInstances</td><td>1000</td><td>--pooling-total-core-instances, --max-instances</td>
 *       <td>instances alive at once</td></tr>
 *   <tr><td>totalMemories</td><td>1000</td><td>--pooling-total-memories</td>
 *       <td>memory slots in the one reservation</td></tr>
 *   <tr><td>totalTables</td><td>1000</td><td>--pooling-total-tables</td><td>table slots</td></tr>
 *   <tr><td>totalStacks</td><td>1000</td><td>--pooling-total-stacks</td>
 *       <td>execution-stack threads alive at once (only with a stack size)</td></tr>
 *   <tr><td>maxMemoriesPerModule</td><td>1</td><td>--pooling-max-memories-per-module</td>
 *       <td>defined memories one module may have</td></tr>
 *   <tr><td>maxTablesPerModule</td><td>1</td><td>--pooling-max-tables-per-module</td>
 *       <td>defined tables one module may have</td></tr>
 *   <tr><td>maxMemorySize</td><td>2 GiB - 64 KiB</td><td>--pooling-max-memory-size</td>
 *       <td>the largest memory (Chicory's cap of 32767 pages; wasmtime's 4 GiB is beyond it)</td></tr>
 *   <tr><td>tableElements</td><td>20000</td><td>--pooling-table-elements</td>
 *       <td>the largest table</td></tr>
 *   <tr><td>memoryReservation</td><td>0 = maxMemorySize</td><td>--memory-reservation</td>
 *       <td>address space per slot; must hold maxMemorySize (slots never move)</td></tr>
 *   <tr><td>memoryGuardSize</td><td>32 MiB</td><td>--memory-guard-size</td>
 *       <td>inaccessible bytes after each slot</td></tr>
 *   <tr><td>memoryKeepResident</td><td>1 MiB</td><td>--pooling-memory-keep-resident</td>
 *       <td>written pages of a freed memory (found with {@code PAGEMAP_SCAN}) restored by writing
 *       instead of {@code madvise}, so they stay resident for the next tenant (no page faults);
 *       without {@code PAGEMAP_SCAN} (Linux before 6.7) the first bytes of a memory without an
 *       image are zeroed. wasmtime's default is 0; its docs suggest about 1 MiB with
 *       {@code PAGEMAP_SCAN}</td></tr>
 *   <tr><td>tableKeepResident</td><td>256 KiB</td><td>--pooling-table-keep-resident</td>
 *       <td>a freed table whose arrays fit is cleared and kept for the slot's next tenant; larger
 *       ones are left to the GC. wasmtime's default is 0, but a JVM table is heap arrays: keeping
 *       them avoids garbage, and 256 KiB covers the default 20000 elements</td></tr>
 *   <tr><td>decommitBatchSize</td><td>1</td><td>--pooling-decommit-batch-size</td>
 *       <td>freed memories reset together; until then their slots are not reused</td></tr>
 *   <tr><td>memoryProtectionKeys</td><td>NO</td><td>--pooling-memory-protection-keys</td>
 *       <td>stripe slots by MPK key (AUTO: when supported; YES: or fail)</td></tr>
 *   <tr><td>maxMemoryProtectionKeys</td><td>16</td><td>--pooling-max-memory-protection-keys</td>
 *       <td>keys to allocate (the kernel has at most 15)</td></tr>
 *   <tr><td>asyncStackSize</td><td>0</td><td>--async-stack-size</td>
 *       <td>stack size of each pooled execution thread; 0 runs calls on the caller's thread</td></tr>
 *   <tr><td>maxWasmStack</td><td>0</td><td>--max-wasm-stack</td>
 *       <td>stack for wasm; used as the thread size when asyncStackSize is 0, otherwise must not
 *       exceed it</td></tr>
 *   <tr><td>stackWait</td><td>0</td><td>--pooling-stack-wait</td>
 *       <td>how long a call waits for a free stack before failing (0: fail at once)</td></tr>
 *   <tr><td>maxUnusedWarmSlots</td><td>100</td><td>--pooling-max-unused-warm-slots</td>
 *       <td>freed slots kept for affinity before the least recently used is reused</td></tr>
 * </table>
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

    /** The defaults in the table above. */
    public static PoolingConfig defaults() {
        return new PoolingConfig(
                1000, 1000, 1000, 1000, 1, 1, MAX_MEMORY_BYTES, 20_000, 0, 32 * MIB, MIB,
                256 * 1024, 1, Enabled.NO, 16, 0, 0, Duration.ZERO, 100);
    }

    /** The address space of one slot: {@link #memoryReservation}, or the max memory size. */
    public long effectiveMemoryReservation() {
        return memoryReservation == 0 ? maxMemorySize : memoryReservation;
    }

    /** The stack size of pooled execution threads, 0 when calls run on the caller's thread. */
    public long effectiveStackSize() {
        return asyncStackSize > 0 ? asyncStackSize : maxWasmStack;
    }

    public PoolingConfig withTotalCoreInstances(int n) {
        return new PoolingConfig(n, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withTotalMemories(int n) {
        return new PoolingConfig(totalCoreInstances, n, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withTotalTables(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, n, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withTotalStacks(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, n, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMaxMemoriesPerModule(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, n, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMaxTablesPerModule(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, n, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMaxMemorySize(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, bytes, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withTableElements(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, n, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMemoryReservation(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, bytes, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMemoryGuardSize(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, bytes, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMemoryKeepResident(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, bytes, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withTableKeepResident(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, bytes, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withDecommitBatchSize(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, n, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMemoryProtectionKeys(Enabled enabled) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, enabled, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMaxMemoryProtectionKeys(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, n, asyncStackSize, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withAsyncStackSize(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, bytes, maxWasmStack, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMaxWasmStack(long bytes) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, bytes, stackWait, maxUnusedWarmSlots);
    }

    public PoolingConfig withStackWait(Duration wait) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, wait, maxUnusedWarmSlots);
    }

    public PoolingConfig withMaxUnusedWarmSlots(int n) {
        return new PoolingConfig(totalCoreInstances, totalMemories, totalTables, totalStacks, maxMemoriesPerModule, maxTablesPerModule, maxMemorySize, tableElements, memoryReservation, memoryGuardSize, memoryKeepResident, tableKeepResident, decommitBatchSize, memoryProtectionKeys, maxMemoryProtectionKeys, asyncStackSize, maxWasmStack, stackWait, n);
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
