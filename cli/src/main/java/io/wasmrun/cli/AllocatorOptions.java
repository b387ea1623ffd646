package io.wasmrun.cli;

import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The instance allocator and its sizes, with wasmtime's option names. Every command that
 * instantiates modules mixes these in and calls {@link #create()}.
 */
public final class AllocatorOptions implements OptionGroup {

    /** The allocator implementations. */
    public enum Kind {
        ON_DEMAND("on-demand"),
        POOLING("pooling");

        final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }
    }

    Kind kind = Kind.ON_DEMAND;

    /** Whether --allocator was given, to tell a clash with --pooling from the default. */
    private boolean kindGiven;

    Long memoryReservation;
    Long memoryGuardSize;
    Long memoryReservationForGrowth;
    Long maxMemorySize;
    Long maxWasmStack;
    boolean pooling;
    Integer poolingTotalCoreInstances;
    Integer poolingTotalMemories;
    Integer poolingTotalTables;
    Integer poolingTotalStacks;
    Long poolingMaxMemorySize;
    Integer poolingTableElements;
    Integer poolingMaxMemoriesPerModule;
    Integer poolingMaxTablesPerModule;
    Integer poolingMaxUnusedWarmSlots;
    Integer poolingDecommitBatchSize;
    Long poolingMemoryKeepResident;
    Long poolingTableKeepResident;
    PoolingConfig.Enabled poolingMemoryProtectionKeys;
    Integer poolingMaxMemoryProtectionKeys;
    Long asyncStackSize;
    Duration poolingStackWait;

    @Override
    public void addTo(CommandSpec command) {
        add(command,
                OptionSpecs.value(
                                "--allocator",
                                "KIND",
                                Kind.class,
                                () -> kind,
                                v -> {
                                    kind = v;
                                    kindGiven = true;
                                })
                        .converters(new KindConverter()),
                "Instance allocator: on-demand (one reservation per memory) or pooling (default:"
                        + " on-demand).");
        add(command,
                bytes("--memory-reservation", () -> memoryReservation, v -> memoryReservation = v),
                "Address space reserved per linear memory; growth within it never moves the"
                        + " memory (default: 2GiB-64KiB).");
        add(command,
                bytes("--memory-guard-size", () -> memoryGuardSize, v -> memoryGuardSize = v),
                "Inaccessible guard region after each memory (default: 32MiB).");
        add(command,
                bytes(
                        "--memory-reservation-for-growth",
                        () -> memoryReservationForGrowth,
                        v -> memoryReservationForGrowth = v),
                "Extra room reserved when a memory outgrows its reservation and moves (default:"
                        + " 128MiB).");
        add(command,
                bytes("--max-memory-size", () -> maxMemorySize, v -> maxMemorySize = v),
                "The most one linear memory may hold; memory.grow beyond it returns -1 (default"
                        + " and maximum: 2GiB-64KiB, Chicory's 32767 pages).");
        add(command,
                bytes("--max-wasm-stack", () -> maxWasmStack, v -> maxWasmStack = v),
                "Run wasm calls on a thread with this stack size (default: the calling thread's"
                        + " stack).");

        // pooling, with wasmtime's names
        add(command,
                OptionSpecs.flag("--pooling", () -> pooling, v -> pooling = v),
                "Shorthand for --allocator=pooling.");
        add(command,
                count(
                                "--pooling-total-core-instances",
                                () -> poolingTotalCoreInstances,
                                v -> poolingTotalCoreInstances = v)
                        .names("--pooling-total-core-instances", "--max-instances"),
                "Pooling: instances alive at once (default: 1000).");
        add(command,
                count(
                        "--pooling-total-memories",
                        () -> poolingTotalMemories,
                        v -> poolingTotalMemories = v),
                "Pooling: memory slots in the pool's one reservation (default: 1000).");
        add(command,
                count(
                        "--pooling-total-tables",
                        () -> poolingTotalTables,
                        v -> poolingTotalTables = v),
                "Pooling: table slots (default: 1000).");
        add(command,
                count(
                        "--pooling-total-stacks",
                        () -> poolingTotalStacks,
                        v -> poolingTotalStacks = v),
                "Pooling: execution-stack threads alive at once, with --async-stack-size or"
                        + " --max-wasm-stack (default: 1000).");
        add(command,
                bytes(
                        "--pooling-max-memory-size",
                        () -> poolingMaxMemorySize,
                        v -> poolingMaxMemorySize = v),
                "Pooling: the largest memory, and each slot's reservation (default and maximum:"
                        + " 2GiB-64KiB).");
        add(command,
                count(
                        "--pooling-table-elements",
                        () -> poolingTableElements,
                        v -> poolingTableElements = v),
                "Pooling: the largest table (default: 20000).");
        add(command,
                count(
                        "--pooling-max-memories-per-module",
                        () -> poolingMaxMemoriesPerModule,
                        v -> poolingMaxMemoriesPerModule = v),
                "Pooling: defined memories one module may have (default: 1).");
        add(command,
                count(
                        "--pooling-max-tables-per-module",
                        () -> poolingMaxTablesPerModule,
                        v -> poolingMaxTablesPerModule = v),
                "Pooling: defined tables one module may have (default: 1).");
        add(command,
                count(
                        "--pooling-max-unused-warm-slots",
                        () -> poolingMaxUnusedWarmSlots,
                        v -> poolingMaxUnusedWarmSlots = v),
                "Pooling: freed slots kept for reuse by the same module (default: 100).");
        add(command,
                count(
                        "--pooling-decommit-batch-size",
                        () -> poolingDecommitBatchSize,
                        v -> poolingDecommitBatchSize = v),
                "Pooling: freed memories reset together (default: 1).");
        add(command,
                bytes(
                        "--pooling-memory-keep-resident",
                        () -> poolingMemoryKeepResident,
                        v -> poolingMemoryKeepResident = v),
                "Pooling: written bytes of a freed memory reset by writing, kept resident"
                        + " (default: 1MiB).");
        add(command,
                bytes(
                        "--pooling-table-keep-resident",
                        () -> poolingTableKeepResident,
                        v -> poolingTableKeepResident = v),
                "Pooling: a freed table whose arrays fit is kept for reuse (default: 256KiB).");
        add(command,
                OptionSpecs.value(
                                "--pooling-memory-protection-keys",
                                "auto|yes|no",
                                PoolingConfig.Enabled.class,
                                () -> poolingMemoryProtectionKeys,
                                v -> poolingMemoryProtectionKeys = v)
                        .converters(new EnabledConverter()),
                "Pooling: stripe memories by memory protection key (default: no).");
        add(command,
                count(
                        "--pooling-max-memory-protection-keys",
                        () -> poolingMaxMemoryProtectionKeys,
                        v -> poolingMaxMemoryProtectionKeys = v),
                "Pooling: protection keys to use at most (default: 16; the kernel has 15).");
        add(command,
                bytes("--async-stack-size", () -> asyncStackSize, v -> asyncStackSize = v),
                "Pooling: stack size of the pooled threads wasm calls run on (default: calls run"
                        + " on the calling thread).");
        add(command,
                OptionSpecs.value(
                                "--pooling-stack-wait",
                                "DURATION",
                                Duration.class,
                                () -> poolingStackWait,
                                v -> poolingStackWait = v)
                        .converters(new DurationConverter()),
                "Pooling: how long a call waits for a free stack before failing, e.g. 100ms"
                        + " (default: 0, fail at once).");
    }

    private static void add(CommandSpec command, OptionSpec.Builder option, String description) {
        command.addOption(option.description(description).build());
    }

    private static OptionSpec.Builder bytes(
            String name, Supplier<Long> getter, Consumer<Long> setter) {
        return OptionSpecs.value(name, "BYTES", Long.class, getter, setter)
                .converters(new ByteSizeConverter());
    }

    private static OptionSpec.Builder count(
            String name, Supplier<Integer> getter, Consumer<Integer> setter) {
        return OptionSpecs.value(name, "N", Integer.class, getter, setter);
    }

    /** Whether the pooling allocator was chosen. */
    public boolean isPooling() {
        return pooling || kind == Kind.POOLING;
    }

    /** Creates the configured allocator; the caller closes it. */
    public InstanceAllocator create() {
        if (pooling && kindGiven && kind == Kind.ON_DEMAND) {
            throw new WasmrunException("--pooling clashes with --allocator=on-demand");
        }
        if (!isPooling()) {
            List<String> given = poolingOptionsGiven();
            if (!given.isEmpty()) {
                throw new WasmrunException(
                        String.join(", ", given)
                                + (given.size() == 1 ? " needs" : " need")
                                + " the pooling allocator; add --pooling (or --allocator=pooling)");
            }
            return new OnDemandInstanceAllocator(onDemandConfig());
        }
        PoolingConfig config = poolingConfig();
        try {
            return new PoolingInstanceAllocator(config);
        } catch (LimitExceededException | UnsupportedOperationException e) {
            throw new WasmrunException("pooling allocator: " + e.getMessage(), e);
        }
    }

    /** The pooling settings these options describe, checked for clashes. */
    public PoolingConfig poolingConfig() {
        if (memoryReservationForGrowth != null) {
            throw new WasmrunException(
                    "--memory-reservation-for-growth does not apply to --pooling: a pooled memory"
                            + " never moves (its slot reserves --pooling-max-memory-size)");
        }
        if (maxMemorySize != null
                && poolingMaxMemorySize != null
                && !maxMemorySize.equals(poolingMaxMemorySize)) {
            throw new WasmrunException(
                    "--max-memory-size ("
                            + maxMemorySize
                            + ") and --pooling-max-memory-size ("
                            + poolingMaxMemorySize
                            + ") disagree; give one");
        }
        PoolingConfig config = PoolingConfig.defaults();
        try {
            config = with(config, poolingTotalCoreInstances, PoolingConfig::withTotalCoreInstances);
            config = with(config, poolingTotalMemories, PoolingConfig::withTotalMemories);
            config = with(config, poolingTotalTables, PoolingConfig::withTotalTables);
            config = with(config, poolingTotalStacks, PoolingConfig::withTotalStacks);
            Long max = poolingMaxMemorySize != null ? poolingMaxMemorySize : maxMemorySize;
            config = with(config, max, PoolingConfig::withMaxMemorySize);
            config = with(config, poolingTableElements, PoolingConfig::withTableElements);
            config = with(config, poolingMaxMemoriesPerModule, PoolingConfig::withMaxMemoriesPerModule);
            config = with(config, poolingMaxTablesPerModule, PoolingConfig::withMaxTablesPerModule);
            config = with(config, poolingMaxUnusedWarmSlots, PoolingConfig::withMaxUnusedWarmSlots);
            config = with(config, poolingDecommitBatchSize, PoolingConfig::withDecommitBatchSize);
            config = with(config, poolingMemoryKeepResident, PoolingConfig::withMemoryKeepResident);
            config = with(config, poolingTableKeepResident, PoolingConfig::withTableKeepResident);
            config = with(config, poolingMemoryProtectionKeys, PoolingConfig::withMemoryProtectionKeys);
            config = with(config, poolingMaxMemoryProtectionKeys, PoolingConfig::withMaxMemoryProtectionKeys);
            config = with(config, memoryGuardSize, PoolingConfig::withMemoryGuardSize);
            config = with(config, maxWasmStack, PoolingConfig::withMaxWasmStack);
            config = with(config, asyncStackSize, PoolingConfig::withAsyncStackSize);
            config = with(config, poolingStackWait, PoolingConfig::withStackWait);
            config = with(config, memoryReservation, PoolingConfig::withMemoryReservation);
        } catch (IllegalArgumentException e) {
            throw new WasmrunException("invalid pooling settings: " + e.getMessage(), e);
        }
        if (poolingMaxMemoryProtectionKeys != null
                && (config.memoryProtectionKeys() == PoolingConfig.Enabled.NO)) {
            throw new WasmrunException(
                    "--pooling-max-memory-protection-keys needs"
                            + " --pooling-memory-protection-keys=auto or yes");
        }
        return config;
    }

    /** The pooling-only options present on the command line. */
    private List<String> poolingOptionsGiven() {
        List<String> given = new ArrayList<>();
        add(given, "--pooling-total-core-instances/--max-instances", poolingTotalCoreInstances);
        add(given, "--pooling-total-memories", poolingTotalMemories);
        add(given, "--pooling-total-tables", poolingTotalTables);
        add(given, "--pooling-total-stacks", poolingTotalStacks);
        add(given, "--pooling-max-memory-size", poolingMaxMemorySize);
        add(given, "--pooling-table-elements", poolingTableElements);
        add(given, "--pooling-max-memories-per-module", poolingMaxMemoriesPerModule);
        add(given, "--pooling-max-tables-per-module", poolingMaxTablesPerModule);
        add(given, "--pooling-max-unused-warm-slots", poolingMaxUnusedWarmSlots);
        add(given, "--pooling-decommit-batch-size", poolingDecommitBatchSize);
        add(given, "--pooling-memory-keep-resident", poolingMemoryKeepResident);
        add(given, "--pooling-table-keep-resident", poolingTableKeepResident);
        add(given, "--pooling-memory-protection-keys", poolingMemoryProtectionKeys);
        add(given, "--pooling-max-memory-protection-keys", poolingMaxMemoryProtectionKeys);
        add(given, "--async-stack-size", asyncStackSize);
        add(given, "--pooling-stack-wait", poolingStackWait);
        return given;
    }

    /** {@code setter(config, value)}, or {@code config} unchanged when the option is absent. */
    private static <C, T> C with(C config, T value, BiFunction<C, T, C> setter) {
        return value == null ? config : setter.apply(config, value);
    }

    private static void add(List<String> given, String name, Object value) {
        if (value != null) {
            given.add(name);
        }
    }

    private OnDemandConfig onDemandConfig() {
        OnDemandConfig config = OnDemandConfig.defaults();
        try {
            config = with(config, memoryReservation, OnDemandConfig::withMemoryReservation);
            config = with(config, memoryGuardSize, OnDemandConfig::withMemoryGuardSize);
            config = with(config, memoryReservationForGrowth, OnDemandConfig::withMemoryReservationForGrowth);
            config = with(config, maxMemorySize, OnDemandConfig::withMaxMemorySize);
            config = with(config, maxWasmStack, OnDemandConfig::withMaxWasmStack);
        } catch (IllegalArgumentException e) {
            throw new WasmrunException("invalid allocator settings: " + e.getMessage(), e);
        }
        return config;
    }

    /** Accepts {@code auto}, {@code yes} and {@code no}. */
    static final class EnabledConverter implements ITypeConverter<PoolingConfig.Enabled> {
        @Override
        public PoolingConfig.Enabled convert(String value) {
            for (PoolingConfig.Enabled e : PoolingConfig.Enabled.values()) {
                if (e.cliName().equals(value)) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not auto, yes or no");
        }
    }

    /** Accepts {@code on-demand} and {@code pooling}. */
    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.cliName.equals(value)) {
                    return k;
                }
            }
            throw new TypeConversionException(
                    "unknown allocator '" + value + "' (expected on-demand or pooling)");
        }
    }
}
