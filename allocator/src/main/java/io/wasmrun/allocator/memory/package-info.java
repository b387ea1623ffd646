/**
 * Linear memories on native virtual memory.
 *
 * <p>Design. A wasm memory is a flat run of bytes at a fixed base address inside a larger
 * reservation, as in wasmtime's {@code MmapMemory}:
 *
 * <pre>
 *   base                      base+byteSize            base+reserved       +guard
 *   |--- committed (RW) ------|--- reserved (PROT_NONE) ---|--- guard (PROT_NONE) ---|
 * </pre>
 *
 * A {@link io.wasmrun.allocator.memory.VirtualRegion} owns the address range: it is reserved
 * {@code PROT_NONE} with {@code MAP_NORESERVE} (costing address space, not memory), committed
 * page-granularly with {@code mprotect} as the memory grows, and zeroed with {@code madvise} so
 * that the kernel hands back fresh zero pages instead of the JVM writing zeros. Growth inside the
 * reservation never moves the base; growth past it moves the pages with {@code mremap} (no copy)
 * when the region allows it. {@link io.wasmrun.allocator.memory.MmapRegion} is the on-demand
 * region (one mapping per memory); the pooling allocator supplies its own regions over slots of
 * one big reservation.
 *
 * <p>{@link io.wasmrun.allocator.config.LinearMemory} is the backing a memory grows in, like
 * wasmtime's trait of the same name; {@link io.wasmrun.allocator.memory.RegionLinearMemory}
 * implements it over a region, and an embedder implements it through a {@link
 * io.wasmrun.allocator.config.MemoryCreator} for host-managed memory. {@link
 * io.wasmrun.allocator.memory.SegmentMemory} is the single implementation of Chicory's {@code
 * Memory} over any backing: every access is bounds-checked in Java against the current size
 * before it touches the segment, so a guest can never reach a {@code PROT_NONE} page (which would
 * crash the JVM rather than trap). The guard region is therefore defence in depth, not a
 * substitute for the check.
 */
package io.wasmrun.allocator.memory;

import io.wasmrun.allocator.config.LinearMemory;
import io.wasmrun.allocator.config.MemoryCreator;
