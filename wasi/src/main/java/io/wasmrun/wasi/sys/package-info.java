/**
 * The Linux file-system calls of the WASI host, through {@link io.wasmrun.allocator.sys.Libc}'s one
 * {@code syscall(2)} downcall. Every method returns what the kernel returns: a result, or a negative
 * {@code errno}; none throws for an operating-system error, so the host maps each one to a WASI
 * errno in one place ({@link io.wasmrun.wasi.Errno#fromLinux}).
 */
package io.wasmrun.wasi.sys;
