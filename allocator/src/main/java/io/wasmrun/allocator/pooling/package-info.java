/**
 * The pooling instance allocator, after wasmtime's {@code pooling} module: one file per pool.
 *
 * <ul>
 *   <li>{@link io.wasmrun.allocator.pooling.PoolingInstanceAllocator}: the allocator, over the
 *       pools below; {@link io.wasmrun.allocator.config.PoolingConfig} its knobs and defaults;
 *       {@link io.wasmrun.allocator.config.PoolingMetrics} its counters.
 *   <li>{@code MemoryPool}: memory slots in one reservation, with copy-on-write {@code
 *       MemoryImage}s, {@code SlabLayout} (guards, protection-key stripes) and the {@code
 *       DecommitQueue} that batches resets (the design comment with diagrams is on {@code
 *       MemoryPool}).
 *   <li>{@code TablePool}: reusable {@code PooledTable}s.
 *   <li>{@code StackPool}: execution stacks as pooled platform threads ({@code PooledStack}).
 *   <li>{@code IndexAllocator}: the slot-affinity policy, on its own.
 *   <li>{@link io.wasmrun.allocator.pooling.ProtectionKeys}: memory protection keys, via glibc.
 * </ul>
 */
package io.wasmrun.allocator.pooling;

import io.wasmrun.allocator.config.PoolingConfig;
