package io.wasmrun.cli;

import static io.wasmrun.cli.AllocatorSetting.onDemandOnly;
import static io.wasmrun.cli.AllocatorSetting.poolingOnly;

import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/**
 * The allocator options, with wasmtime's names: the table {@link AllocatorOptions} gives picocli,
 * builds the allocators' configurations from and checks the chosen allocator against.
 */
final class AllocatorSettings {
    private AllocatorSettings() {}

    /** {@code --allocator}: which allocator. */
    static final OptionDescriptor<AllocatorOptions.Kind> ALLOCATOR =
            OptionDescriptor.value(
                    "--allocator",
                    "KIND",
                    AllocatorOptions.Kind.class,
                    AllocatorSettings::kind,
                    "Instance allocator: on-demand (one reservation per memory) or pooling",
                    "on-demand");

    /** {@code --pooling}: the pooling allocator. */
    static final OptionDescriptor<Boolean> POOLING =
            OptionDescriptor.flag("--pooling", "Shorthand for --allocator=pooling");

    static final OptionDescriptor<Long> MAX_MEMORY_SIZE =
            bytes(
                    "--max-memory-size",
                    "The most one linear memory may hold, at most 2GiB-64KiB (Chicory's 32767"
                            + " pages); memory.grow beyond it returns -1",
                    "2GiB-64KiB");

    static final OptionDescriptor<Long> POOLING_MAX_MEMORY_SIZE =
            bytes(
                    "--pooling-max-memory-size",
                    "Pooling: the largest memory, and each slot's reservation, at most 2GiB-64KiB",
                    "2GiB-64KiB");

    static final OptionDescriptor<PoolingConfig.Enabled> POOLING_MEMORY_PROTECTION_KEYS =
            OptionDescriptor.value(
                    "--pooling-memory-protection-keys",
                    "auto|yes|no",
                    PoolingConfig.Enabled.class,
                    AllocatorSettings::enabled,
                    "Pooling: stripe memories by memory protection key",
                    "no");

    static final OptionDescriptor<Integer> POOLING_MAX_MEMORY_PROTECTION_KEYS =
            count(
                    "--pooling-max-memory-protection-keys",
                    "Pooling: protection keys to use at most; the kernel has 15",
                    "16");

    /** The options that configure an allocator, in the README's order. */
    static final List<AllocatorSetting<?>> SETTINGS =
            List.of(
                    new AllocatorSetting<>(
                            bytes(
                                    "--memory-reservation",
                                    "Address space reserved per linear memory; growth within it"
                                            + " never moves the memory",
                                    "2GiB-64KiB"),
                            PoolingConfig.Builder::memoryReservation,
                            OnDemandConfig.Builder::memoryReservation),
                    new AllocatorSetting<>(
                            bytes(
                                    "--memory-guard-size",
                                    "Inaccessible guard region after each memory",
                                    "32MiB"),
                            PoolingConfig.Builder::memoryGuardSize,
                            OnDemandConfig.Builder::memoryGuardSize),
                    onDemandOnly(
                            bytes(
                                    "--memory-reservation-for-growth",
                                    "Extra room reserved when a memory outgrows its reservation and"
                                            + " moves; on-demand only, a pooled memory never moves",
                                    "128MiB"),
                            OnDemandConfig.Builder::memoryReservationForGrowth),
                    new AllocatorSetting<>(
                            MAX_MEMORY_SIZE,
                            PoolingConfig.Builder::maxMemorySize,
                            OnDemandConfig.Builder::maxMemorySize),
                    new AllocatorSetting<>(
                            bytes(
                                    "--max-wasm-stack",
                                    "Run wasm calls on a thread with this stack size",
                                    "the calling thread's stack"),
                            PoolingConfig.Builder::maxWasmStack,
                            OnDemandConfig.Builder::maxWasmStack),
                    poolingOnly(
                            count(
                                            "--pooling-total-core-instances",
                                            "Pooling: instances alive at once",
                                            "1000")
                                    .alias("--max-instances"),
                            PoolingConfig.Builder::totalCoreInstances),
                    poolingOnly(
                            count(
                                    "--pooling-total-memories",
                                    "Pooling: memory slots in the pool's one reservation",
                                    "1000"),
                            PoolingConfig.Builder::totalMemories),
                    poolingOnly(
                            count("--pooling-total-tables", "Pooling: table slots", "1000"),
                            PoolingConfig.Builder::totalTables),
                    poolingOnly(
                            count(
                                    "--pooling-total-stacks",
                                    "Pooling: execution-stack threads alive at once, with"
                                            + " --async-stack-size or --max-wasm-stack",
                                    "1000"),
                            PoolingConfig.Builder::totalStacks),
                    poolingOnly(POOLING_MAX_MEMORY_SIZE, PoolingConfig.Builder::maxMemorySize),
                    poolingOnly(
                            count("--pooling-table-elements", "Pooling: the largest table", "20000"),
                            PoolingConfig.Builder::tableElements),
                    poolingOnly(
                            count(
                                    "--pooling-max-memories-per-module",
                                    "Pooling: defined memories one module may have",
                                    "1"),
                            PoolingConfig.Builder::maxMemoriesPerModule),
                    poolingOnly(
                            count(
                                    "--pooling-max-tables-per-module",
                                    "Pooling: defined tables one module may have",
                                    "1"),
                            PoolingConfig.Builder::maxTablesPerModule),
                    poolingOnly(
                            count(
                                    "--pooling-max-unused-warm-slots",
                                    "Pooling: freed slots kept for reuse by the same module",
                                    "100"),
                            PoolingConfig.Builder::maxUnusedWarmSlots),
                    poolingOnly(
                            count(
                                    "--pooling-decommit-batch-size",
                                    "Pooling: freed memories reset together",
                                    "1"),
                            PoolingConfig.Builder::decommitBatchSize),
                    poolingOnly(
                            bytes(
                                    "--pooling-memory-keep-resident",
                                    "Pooling: written bytes of a freed memory reset by writing,"
                                            + " kept resident",
                                    "1MiB"),
                            PoolingConfig.Builder::memoryKeepResident),
                    poolingOnly(
                            bytes(
                                    "--pooling-table-keep-resident",
                                    "Pooling: a freed table whose arrays fit is kept for reuse",
                                    "256KiB"),
                            PoolingConfig.Builder::tableKeepResident),
                    poolingOnly(
                            POOLING_MEMORY_PROTECTION_KEYS,
                            PoolingConfig.Builder::memoryProtectionKeys),
                    poolingOnly(
                            POOLING_MAX_MEMORY_PROTECTION_KEYS,
                            PoolingConfig.Builder::maxMemoryProtectionKeys),
                    poolingOnly(
                            bytes(
                                    "--async-stack-size",
                                    "Pooling: stack size of the pooled threads wasm calls run on",
                                    "calls run on the calling thread"),
                            PoolingConfig.Builder::asyncStackSize),
                    poolingOnly(
                            OptionDescriptor.value(
                                    "--pooling-stack-wait",
                                    "DURATION",
                                    Duration.class,
                                    new DurationConverter(),
                                    "Pooling: how long a call waits for a free stack before"
                                            + " failing, e.g. 100ms; 0 fails at once",
                                    "0"),
                            PoolingConfig.Builder::stackWait));

    private static OptionDescriptor<Long> bytes(String name, String help, String defaultText) {
        return OptionDescriptor.value(name, "BYTES", Long.class, new ByteSizeConverter(), help, defaultText);
    }

    private static OptionDescriptor<Integer> count(String name, String help, String defaultText) {
        return OptionDescriptor.value(name, "N", Integer.class, AllocatorSettings::integer, help, defaultText);
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an int");
        }
    }

    /** Accepts {@code on-demand} and {@code pooling}. */
    private static AllocatorOptions.Kind kind(String value) {
        for (AllocatorOptions.Kind k : AllocatorOptions.Kind.values()) {
            if (k.cliName.equals(value)) {
                return k;
            }
        }
        throw new TypeConversionException(
                "unknown allocator '" + value + "' (expected on-demand or pooling)");
    }

    /** Accepts {@code auto}, {@code yes} and {@code no}. */
    private static PoolingConfig.Enabled enabled(String value) {
        for (PoolingConfig.Enabled e : PoolingConfig.Enabled.values()) {
            if (e.cliName().equals(value)) {
                return e;
            }
        }
        throw new TypeConversionException("'" + value + "' is not auto, yes or no");
    }
}
