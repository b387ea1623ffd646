package io.wasmrun.allocator.sys;

import java.util.Locale;

/**
 * The Linux system calls wasmrun makes, with their numbers on x86_64
 * ({@code arch/x86/entry/syscalls/syscall_64.tbl}) and aarch64 ({@code
 * include/uapi/asm-generic/unistd.h}). aarch64 has no {@code open} and no {@code renameat}, so
 * both use {@code openat} and {@code renameat2}. The virtual-memory calls are {@link Libc}'s own;
 * the file-system calls serve the WASI host through {@link Libc#syscall}.
 */
public enum Syscall {
    READ("read", 0, 63),
    WRITE("write", 1, 64),
    CLOSE("close", 3, 57),
    LSEEK("lseek", 8, 62),
    PREAD64("pread64", 17, 67),
    PWRITE64("pwrite64", 18, 68),
    SCHED_YIELD("sched_yield", 24, 124),
    SOCKET("socket", 41, 198),
    SENDTO("sendto", 44, 206),
    RECVFROM("recvfrom", 45, 207),
    SHUTDOWN("shutdown", 48, 210),
    BIND("bind", 49, 200),
    LISTEN("listen", 50, 201),
    GETSOCKNAME("getsockname", 51, 204),
    SETSOCKOPT("setsockopt", 54, 208),
    FCNTL("fcntl", 72, 25),
    FSYNC("fsync", 74, 82),
    FDATASYNC("fdatasync", 75, 83),
    GETDENTS64("getdents64", 217, 61),
    FADVISE64("fadvise64", 221, 223),
    MKDIRAT("mkdirat", 258, 34),
    UNLINKAT("unlinkat", 263, 35),
    LINKAT("linkat", 265, 37),
    SYMLINKAT("symlinkat", 266, 36),
    READLINKAT("readlinkat", 267, 78),
    PPOLL("ppoll", 271, 73),
    UTIMENSAT("utimensat", 280, 88),
    FALLOCATE("fallocate", 285, 47),
    ACCEPT4("accept4", 288, 242),
    RENAMEAT2("renameat2", 316, 276),
    STATX("statx", 332, 291),
    OPENAT2("openat2", 437, 437),
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
    public String cName() {
        return cName;
    }

    /** The number on this machine's architecture. */
    public long number() {
        return AARCH64 ? aarch64Number : x86Number;
    }

    /** Whether this is aarch64, whose {@code open} flags differ from x86_64's in two bits. */
    public static boolean aarch64() {
        return AARCH64;
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
