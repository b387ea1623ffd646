package io.wasmrun.cli;

import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.ondemand.OnDemandConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.runtime.WasmrunException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The instance allocator and its sizes, with wasmtime's option names. Every command that
 * instantiates modules mixes these in and calls {@link #create()}.
 */
public final class AllocatorOptions {

    /** The allocator implementations. */
    public enum Kind {
        ON_DEMAND("on-demand"),
        POOLING("pooling");

        final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }
    }

    @Option(
            names = "--allocator",
            paramLabel = "KIND",
            converter = KindConverter.class,
            description = "Instance allocator: on-demand (one reservation per memory) or pooling (default: on-demand).")
    Kind kind = Kind.ON_DEMAND;

    @Option(
            names = "--memory-reservation",
            paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "Address space reserved per linear memory; growth within it never moves the memory (default: 2GiB-64KiB).")
    Long memoryReservation;

    @Option(
            names = "--memory-guard-size",
            paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "Inaccessible guard region after each memory (default: 32MiB).")
    Long memoryGuardSize;

    @Option(
            names = "--memory-reservation-for-growth",
            paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "Extra room reserved when a memory outgrows its reservation and moves (default: 128MiB).")
    Long memoryReservationForGrowth;

    @Option(
            names = "--max-memory-size",
            paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "The most one linear memory may hold; memory.grow beyond it returns -1 (default and maximum: 2GiB-64KiB, Chicory's 32767 pages).")
    Long maxMemorySize;

    @Option(
            names = "--max-wasm-stack",
            paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description = "Run wasm calls on a thread with this stack size (default: the calling thread's stack).")
    Long maxWasmStack;

    /** Creates the configured allocator; the caller closes it. */
    public InstanceAllocator create() {
        return switch (kind) {
            case ON_DEMAND -> new OnDemandInstanceAllocator(onDemandConfig());
            case POOLING -> throw new WasmrunException(
                    "--allocator=pooling is not available in this build yet");
        };
    }

    private OnDemandConfig onDemandConfig() {
        OnDemandConfig config = OnDemandConfig.defaults();
        try {
            if (memoryReservation != null) {
                config = config.withMemoryReservation(memoryReservation);
            }
            if (memoryGuardSize != null) {
                config = config.withMemoryGuardSize(memoryGuardSize);
            }
            if (memoryReservationForGrowth != null) {
                config = config.withMemoryReservationForGrowth(memoryReservationForGrowth);
            }
            if (maxMemorySize != null) {
                config = config.withMaxMemorySize(maxMemorySize);
            }
            if (maxWasmStack != null) {
                config = config.withMaxWasmStack(maxWasmStack);
            }
        } catch (IllegalArgumentException e) {
            throw new WasmrunException("invalid allocator settings: " + e.getMessage(), e);
        }
        return config;
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
