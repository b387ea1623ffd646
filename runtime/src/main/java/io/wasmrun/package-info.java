/**
 * wasmrun's embedding API, modelled on wasmtime's: an {@link io.wasmrun.Engine} (how code runs,
 * the instance allocator, the compile cache) loads {@link io.wasmrun.Module}s once; a {@link
 * io.wasmrun.Store} owns the {@link io.wasmrun.Instance}s a {@link io.wasmrun.Linker} creates,
 * with one protection key, {@link io.wasmrun.StoreLimits} and interruption; instances hand out
 * {@link io.wasmrun.Func}s, {@link io.wasmrun.Memory memories}, {@link io.wasmrun.Table}s and
 * {@link io.wasmrun.Global}s; values are {@link io.wasmrun.Val}s; failures are {@link
 * io.wasmrun.WasmrunException}s, guest traps {@link io.wasmrun.Trap}s.
 *
 * <p>No signature in this package names a type of Chicory, the engine underneath, so embedders
 * depend on wasmrun alone. The classes here are thin: they convert types and delegate to {@code
 * io.wasmrun.runtime}, where loading, compiling, linking and the allocator hand-off live.
 */
package io.wasmrun;
