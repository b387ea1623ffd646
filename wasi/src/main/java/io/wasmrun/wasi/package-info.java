/**
 * What an embedder configures of a WASI preview1 guest ({@link io.wasmrun.wasi.WasiOptions},
 * {@link io.wasmrun.wasi.Preopen}), how its exit arrives ({@link
 * io.wasmrun.wasi.WasiExitException}), and the errno and rights vocabulary the host shares between
 * its packages. The host itself is {@code io.wasmrun.wasi.preview1}.
 */
package io.wasmrun.wasi;
