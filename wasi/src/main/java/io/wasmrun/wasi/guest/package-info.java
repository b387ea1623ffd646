/**
 * The guest's linear memory as the WASI host sees it: untrusted. Every pointer and length a guest
 * passes is an unsigned 32-bit number; {@link io.wasmrun.wasi.guest.GuestMemory} checks each range
 * against the memory's current size in 64-bit arithmetic before touching it, so a pointer past the
 * end, a length that wraps around 4 GiB or a length negative as an {@code i32} ends as
 * {@code EFAULT}, never as a Java exception.
 */
package io.wasmrun.wasi.guest;
