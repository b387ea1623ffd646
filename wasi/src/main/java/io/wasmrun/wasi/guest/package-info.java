/**
 * The guest's linear memory as the WASI host sees it: untrusted. Every pointer and length a guest
 * passes is an unsigned 32-bit number; {@link io.wasmrun.wasi.guest.GuestMemory} checks each range
 * against the memory's current size in 64-bit arithmetic before touching it, so a pointer past the
 * end, a length that wraps around 4 GiB, a length negative as an {@code i32} or a misaligned
 * pointer ends as a trap ({@link io.wasmrun.wasi.guest.GuestFault}, as in wasmtime), never as a
 * Java exception. Every range is checked before it is used, and result pointers before the call
 * has any effect.
 */
package io.wasmrun.wasi.guest;
