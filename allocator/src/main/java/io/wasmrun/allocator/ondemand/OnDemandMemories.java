package io.wasmrun.allocator.ondemand;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.config.DeclaredMemory;
import io.wasmrun.allocator.config.LinearMemory;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.memory.MmapRegion;
import io.wasmrun.allocator.memory.RegionLinearMemory;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.allocator.sys.NativeCallException;
import io.wasmrun.allocator.sys.Sizes;
import java.util.OptionalLong;

/**
 * Checks memory types against the configured limits and creates memories: sizes each reservation
 * (see the package description) and turns an OS refusal into a {@link LimitExceededException}.
 */
final class OnDemandMemories {
    private final OnDemandConfig config;

    OnDemandMemories(OnDemandConfig config) {
        this.config = config;
    }

    /** Refuses a memory whose minimum exceeds Chicory's cap or {@code --max-memory-size}. */
    void check(String moduleName, int memoryIndex, MemoryLimits limits) {
        int initial = limits.initialPages();
        long initialBytes = (long) initial * Memory.PAGE_SIZE;
        if (initial > Memory.RUNTIME_MAX_PAGES) {
            throw new LimitExceededException(
                    String.format(
                            "memory %d of %s needs %d pages (%s) initially, but Chicory caps a"
                                    + " memory at %d pages (%s)",
                            memoryIndex,
                            moduleName,
                            initial,
                            Sizes.format(initialBytes),
                            Memory.RUNTIME_MAX_PAGES,
                            Sizes.format(OnDemandConfig.MAX_MEMORY_BYTES)));
        }
        if (initialBytes > config.maxMemorySize()) {
            throw new LimitExceededException(
                    String.format(
                            "memory %d of %s needs %s initially, more than --max-memory-size"
                                    + " allows (%s)",
                            memoryIndex,
                            moduleName,
                            Sizes.format(initialBytes),
                            Sizes.format(config.maxMemorySize())));
        }
    }

    /** Creates memory {@code memoryIndex} of {@code moduleName}, checked by {@link #check}. */
    SegmentMemory create(String moduleName, int memoryIndex, MemoryLimits limits) {
        check(moduleName, memoryIndex, limits);
        int maxPages =
                (int)
                        Math.min(
                                Math.min(limits.maximumPages(), Memory.RUNTIME_MAX_PAGES),
                                config.maxMemorySize() / Memory.PAGE_SIZE);
        long minBytes = (long) limits.initialPages() * Memory.PAGE_SIZE;
        long maxBytes = (long) maxPages * Memory.PAGE_SIZE;
        long reservation = reservation(minBytes, maxBytes, limits.shared());
        LinearMemory backing =
                config.memoryCreator().isPresent()
                        ? config.memoryCreator()
                                .get()
                                .newMemory(
                                        declared(limits),
                                        minBytes,
                                        OptionalLong.of(maxBytes),
                                        OptionalLong.of(reservation),
                                        config.memoryGuardSize())
                        : map(moduleName, memoryIndex, minBytes, maxBytes, reservation);
        try {
            return new SegmentMemory(backing, limits, maxPages);
        } catch (RuntimeException e) {
            backing.close();
            throw e;
        }
    }

    /**
     * Address space for a memory: its maximum if that fits {@code memoryReservation} (or the
     * memory is shared and must never move), otherwise enough for the minimum plus room to grow.
     */
    private long reservation(long minBytes, long maxBytes, boolean shared) {
        if (shared || maxBytes <= config.memoryReservation()) {
            return maxBytes;
        }
        if (minBytes <= config.memoryReservation()) {
            return config.memoryReservation();
        }
        return Math.min(maxBytes, minBytes + config.memoryReservationForGrowth());
    }

    private LinearMemory map(
            String moduleName, int memoryIndex, long minBytes, long maxBytes, long reservation) {
        MmapRegion region;
        try {
            region = MmapRegion.reserve(reservation, config.memoryGuardSize());
        } catch (NativeCallException e) {
            throw refused(moduleName, memoryIndex, "reserve", reservation, e);
        }
        try {
            return new RegionLinearMemory(
                    region, minBytes, maxBytes, config.memoryReservationForGrowth());
        } catch (NativeCallException e) {
            region.release();
            throw refused(moduleName, memoryIndex, "commit", minBytes, e);
        }
    }

    private LimitExceededException refused(
            String moduleName, int memoryIndex, String what, long bytes, NativeCallException e) {
        return new LimitExceededException(
                String.format(
                        "cannot %s %s (+ %s guard) for memory %d of %s: %s; lower"
                                + " --memory-reservation / --memory-guard-size or raise the"
                                + " address-space limit (ulimit -v)",
                        what,
                        Sizes.format(bytes),
                        Sizes.format(config.memoryGuardSize()),
                        memoryIndex,
                        moduleName,
                        e.getMessage()),
                e);
    }

    /** The module's declaration of a memory, as a memory creator sees it. */
    private static DeclaredMemory declared(MemoryLimits limits) {
        boolean bounded = limits.maximumPages() != MemoryLimits.MAX_PAGES || limits.shared();
        return new DeclaredMemory(
                limits.initialPages(),
                bounded ? OptionalLong.of(limits.maximumPages()) : OptionalLong.empty(),
                limits.shared());
    }
}
