package io.wasmrun.allocator.sys;

import java.util.Locale;

/**
 * The Linux system calls {@link Libc} makes, with their numbers on x86_64
 * ({@code arch/x86/entry/syscalls/syscall_64.tbl}) and aarch64 ({@code
 * include/uapi/asm-generic/unistd.h}). aarch64 has no {@code open}, so both use {@code openat}.
 */
enum Syscall {
    CLOSE("close", 3, 57),
    MMAP("mmap", 9, 222),
    MPROTECT("mprotect", 10, 226),
    MUNMAP("munmap", 11, 215),
    MREMAP("mremap", 25, 216),
    MADVISE("madvise", 28, 233),
    FTRUNCATE("ftruncate", 77, 46),
    OPENAT("open", 257, 56),
    MEMFD_CREATE("memfd_create", 319, 279);

    private static final boolean AARCH64 = isAarch64();

    private final String cName;
    private final long x86Number;
    private final long aarch64Number;

    Syscall(String cName, long x86Number, long aarch64Number) {
        this.cName = cName;
        this.x86Number = x86Number;
        this.aarch64Number = aarch64Number;
    }

    /** The C function's name, as errors name the call. */
    String cName() {
        return cName;
    }

    /** The number on this machine's architecture. */
    long number() {
        return AARCH64 ? aarch64Number : x86Number;
    }

    private static boolean isAarch64() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return true;
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return false;
        }
        throw new UnsupportedOperationException(
                "wasmrun's native memory needs Linux on x86_64 or aarch64; this is " + arch);
    }
}
