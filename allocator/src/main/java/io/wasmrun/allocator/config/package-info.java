/**
 * What an embedder configures of the instance allocators: {@link
 * io.wasmrun.allocator.config.OnDemandConfig} and {@link io.wasmrun.allocator.config.PoolingConfig}
 * (chosen on {@code io.wasmrun.Engine.Builder}), a {@link
 * io.wasmrun.allocator.config.MemoryCreator} for host-managed linear memory, and the allocator's
 * {@link io.wasmrun.allocator.config.AllocatorMetrics}. The allocators themselves, which speak
 * Chicory's memory and table types, live in the other packages of this module.
 */
package io.wasmrun.allocator.config;
