package io.wasmrun.allocator.config;

import com.dylibso.chicory.runtime.Memory;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@code OnDemandInstanceAllocator}. All sizes are in bytes; build one with {@link
 * #builder()} (or change one with {@link #toBuilder()}).
 *
 * @param memoryReservation address space reserved for each memory up front; a memory whose maximum
 *     fits never moves. Default: {@link #MAX_MEMORY_BYTES} (Chicory's cap of 32767 pages, 2 GiB -
 *     64 KiB), so every memory fits; virtual only, no RAM is used until pages are touched. Lower it
 *     where address space is limited ({@code ulimit -v}).
 * @param memoryGuardSize inaccessible bytes mapped after each reservation, so a stray native
 *     access past the end faults instead of hitting a neighbour. Default: 32 MiB, as wasmtime on
 *     64-bit hosts. Every wasm access is bounds-checked anyway, so 0 is safe.
 * @param memoryReservationForGrowth extra room reserved when a memory is placed or moved because
 *     it outgrew {@code memoryReservation}, so that growing page by page moves it rarely. Default:
 *     128 MiB.
 * @param maxMemorySize the most one memory may hold; a module whose minimum is larger is refused
 *     ({@code --max-memory-size}) and {@code memory.grow} beyond it returns -1. Default and upper
 *     bound: {@link #MAX_MEMORY_BYTES}.
 * @param maxWasmStack the stack size wasm calls run on; 0 (the default) runs them on the caller's
 *     thread, which costs nothing; a positive size runs them on a platform thread of that size.
 * @param memoryCreator if present, creates every memory instead of the built-in mappings
 */
public record OnDemandConfig(
        long memoryReservation,
        long memoryGuardSize,
        long memoryReservationForGrowth,
        long maxMemorySize,
        long maxWasmStack,
        Optional<MemoryCreator> memoryCreator) {

    /** The largest memory Chicory can address: 32767 pages of 64 KiB. */
    public static final long MAX_MEMORY_BYTES = (long) Memory.RUNTIME_MAX_PAGES * Memory.PAGE_SIZE;

    private static final long MIB = 1L << 20;

    public OnDemandConfig {
        requireNonNegative("memoryReservation", memoryReservation);
        requireNonNegative("memoryGuardSize", memoryGuardSize);
        requireNonNegative("memoryReservationForGrowth", memoryReservationForGrowth);
        requireNonNegative("maxMemorySize", maxMemorySize);
        requireNonNegative("maxWasmStack", maxWasmStack);
        if (maxMemorySize > MAX_MEMORY_BYTES) {
            throw new IllegalArgumentException(
                    "maxMemorySize "
                            + maxMemorySize
                            + " exceeds Chicory's cap of "
                            + MAX_MEMORY_BYTES
                            + " bytes (32767 pages)");
        }
        Objects.requireNonNull(memoryCreator, "memoryCreator");
    }

    /** The defaults described on each component. */
    public static OnDemandConfig defaults() {
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

    /**
     * Collects settings for an {@link OnDemandConfig}, starting from the defaults; each setter is
     * named after the component it sets, and {@link #build()} validates them.
     */
    public static final class Builder {
        private long memoryReservation = MAX_MEMORY_BYTES;
        private long memoryGuardSize = 32 * MIB;
        private long memoryReservationForGrowth = 128 * MIB;
        private long maxMemorySize = MAX_MEMORY_BYTES;
        private long maxWasmStack = 0;
        private Optional<MemoryCreator> memoryCreator = Optional.empty();

        private Builder() {}

        private Builder(OnDemandConfig config) {
            memoryReservation = config.memoryReservation;
            memoryGuardSize = config.memoryGuardSize;
            memoryReservationForGrowth = config.memoryReservationForGrowth;
            maxMemorySize = config.maxMemorySize;
            maxWasmStack = config.maxWasmStack;
            memoryCreator = config.memoryCreator;
        }

        public Builder memoryReservation(long memoryReservation) {
            this.memoryReservation = memoryReservation;
            return this;
        }

        public Builder memoryGuardSize(long memoryGuardSize) {
            this.memoryGuardSize = memoryGuardSize;
            return this;
        }

        public Builder memoryReservationForGrowth(long memoryReservationForGrowth) {
            this.memoryReservationForGrowth = memoryReservationForGrowth;
            return this;
        }

        public Builder maxMemorySize(long maxMemorySize) {
            this.maxMemorySize = maxMemorySize;
            return this;
        }

        public Builder maxWasmStack(long maxWasmStack) {
            this.maxWasmStack = maxWasmStack;
            return this;
        }

        /** Uses {@code creator} for every memory; {@code null} goes back to the built-in mappings. */
        public Builder memoryCreator(MemoryCreator creator) {
            this.memoryCreator = Optional.ofNullable(creator);
            return this;
        }

        /** The configuration, checked by the record's constructor. */
        public OnDemandConfig build() {
            return new OnDemandConfig(
                    memoryReservation,
                    memoryGuardSize,
                    memoryReservationForGrowth,
                    maxMemorySize,
                    maxWasmStack,
                    memoryCreator);
        }
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
