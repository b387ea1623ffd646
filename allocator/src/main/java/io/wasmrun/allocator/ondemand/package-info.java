/**
 * The on-demand allocator: the default, which maps every memory when it is created and unmaps it
 * when it is freed, like wasmtime's {@code OnDemandInstanceAllocator}.
 *
 * <p>Design. Nothing is kept between instances. Each linear memory is its own {@code mmap}
 * reservation of {@code reservation + guard} bytes, {@code PROT_NONE} and {@code MAP_NORESERVE},
 * committed with {@code mprotect} as it grows (see {@link io.wasmrun.allocator.memory}). The
 * reservation is sized so that a memory never moves in the common case: by default it covers the
 * memory's maximum (at most Chicory's cap of 32767 pages, 2 GiB - 64 KiB), which costs only
 * address space. With a smaller {@code memoryReservation} a memory whose maximum exceeds it
 * starts in {@code max(memoryReservation, minimum + memoryReservationForGrowth)} and is moved by
 * {@code mremap} when it outgrows that; shared memories always reserve their maximum because other
 * threads may be reading them while they grow. Tables are plain heap objects. Calls run on the
 * caller's thread unless {@code maxWasmStack} asks for a stack of a given size, which is then a
 * platform thread of that size per stack.
 */
package io.wasmrun.allocator.ondemand;
