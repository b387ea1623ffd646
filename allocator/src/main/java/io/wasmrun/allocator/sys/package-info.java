/**
 * Linux virtual-memory system calls through the Foreign Function &amp; Memory API.
 *
 * <p>Only what the allocators need: reserving address space ({@code mmap} with {@code PROT_NONE}),
 * committing and releasing it ({@code mprotect}, {@code madvise}, {@code munmap}), moving it
 * ({@code mremap}) and anonymous files for copy-on-write images ({@code memfd_create},
 * {@code ftruncate}, {@code close}). Every failure becomes a {@link
 * io.wasmrun.allocator.sys.NativeCallException} naming the call, the size and the error text, read
 * from {@code errno} captured right after the call (the JVM may clobber it later). No JNI, no
 * {@code Unsafe}: callers need {@code --enable-native-access}.
 */
package io.wasmrun.allocator.sys;
