/**
 * The WASI preview1 host: {@link io.wasmrun.wasi.preview1.WasiPreview1} defines every {@code
 * wasi_snapshot_preview1} function (its Javadoc explains the design), grouped by what they act on:
 * descriptors, paths, the process, sockets, {@code poll_oneoff}.
 */
package io.wasmrun.wasi.preview1;
