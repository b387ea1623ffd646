package io.wasmrun.allocator.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Downcalls into the C library for the virtual-memory calls the allocators use. Each method
 * returns normally or throws {@link NativeCallException}; none is meant for a hot path (each call
 * allocates a small buffer for the captured {@code errno}), except {@link #ioctl}.
 *
 * <p>The calls go through libc's {@code syscall(2)} wrapper, so a process links one downcall
 * (about 20 ms in a fresh JVM, most of the cost of a short run's memory setup) instead of one per
 * function; {@link Syscall} holds the numbers for x86_64 and aarch64. The page size comes from
 * the auxiliary vector ({@code /proc/self/auxv}), as {@code getauxval(AT_PAGESZ)} reads it.
 */
@SuppressWarnings("restricted") // native access is this class's purpose; see the package doc
public final class Libc {
    private static final long FAILED = -1L;
    private static final int AT_FDCWD = -100;
    private static final long AT_PAGESZ = 6;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(PathElement.groupElement("errno"));

    // Each handle is linked by its holder class on first use.
    // long syscall(long number, ... /* six long arguments */)
    private static final class SyscallHandle {
        static final MethodHandle HANDLE =
                LINKER.downcallHandle(
                        find("syscall"),
                        FunctionDescriptor.of(
                                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                                JAVA_LONG, JAVA_LONG),
                        Linker.Option.captureCallState("errno"),
                        Linker.Option.firstVariadicArg(1));
    }

    // int ioctl(int fd, unsigned long request, ... /* void *arg */): no errno capture, it is
    // meant for a hot path (PAGEMAP_SCAN on every pool slot reset)
    private static final class Ioctl {
        static final MethodHandle HANDLE =
                LINKER.downcallHandle(
                        find("ioctl"),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                        Linker.Option.firstVariadicArg(2));
    }

    private static final class Strerror {
        static final MethodHandle HANDLE =
                LINKER.downcallHandle(find("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    private static final class PageSize {
        static final long VALUE = readPageSize();
    }

    private Libc() {}

    /**
     * Links the system-call downcall and reads the page size now, so that the first memory does
     * not wait for it; start-up calls this on a background thread.
     */
    public static void link() {
        try {
            MethodHandles.lookup().ensureInitialized(SyscallHandle.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        pageSize();
    }

    /** The operating system's page size ({@code getauxval(AT_PAGESZ)}), e.g. 4096. */
    public static long pageSize() {
        return PageSize.VALUE;
    }

    /** Rounds {@code bytes} up to a whole number of OS pages. */
    public static long roundUpToPage(long bytes) {
        long page = PageSize.VALUE;
        return (bytes + page - 1) & -page;
    }

    /**
     * {@code mmap(address, length, prot, flags, fd, offset)}.
     *
     * @return the mapping, a segment of {@code length} bytes
     */
    public static MemorySegment mmap(
            long address, long length, int prot, int flags, int fd, long offset) {
        long result = call(Syscall.MMAP, length, address, length, prot, flags, fd, offset);
        return MemorySegment.ofAddress(result).reinterpret(length);
    }

    /** {@code munmap(address, length)}. */
    public static void munmap(MemorySegment address, long length) {
        call(Syscall.MUNMAP, length, address.address(), length, 0, 0, 0, 0);
    }

    /** {@code mprotect(address, length, prot)}. */
    public static void mprotect(MemorySegment address, long length, int prot) {
        call(Syscall.MPROTECT, length, address.address(), length, prot, 0, 0, 0);
    }

    /** {@code madvise(address, length, advice)}. */
    public static void madvise(MemorySegment address, long length, int advice) {
        call(Syscall.MADVISE, length, address.address(), length, advice, 0, 0, 0);
    }

    /**
     * {@code mremap(old, oldSize, newSize, flags, newAddress)}; {@code newAddress} is only read
     * with {@link LinuxConstants#MREMAP_FIXED}.
     *
     * @return the mapping at its (possibly new) place, a segment of {@code newSize} bytes
     */
    public static MemorySegment mremap(
            MemorySegment old, long oldSize, long newSize, int flags, long newAddress) {
        long result =
                call(Syscall.MREMAP, newSize, old.address(), oldSize, newSize, flags, newAddress, 0);
        return MemorySegment.ofAddress(result).reinterpret(newSize);
    }

    /** {@code memfd_create(name, flags)}: an anonymous file, returned as a file descriptor. */
    public static int memfdCreate(String name, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            long path = arena.allocateFrom(name).address();
            return (int) call(Syscall.MEMFD_CREATE, 0, path, flags, 0, 0, 0, 0);
        }
    }

    /** {@code open(path, flags)}: a file descriptor. */
    public static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            long name = arena.allocateFrom(path).address();
            return (int) call(Syscall.OPENAT, 0, AT_FDCWD, name, flags, 0, 0, 0);
        }
    }

    /**
     * {@code ioctl(fd, request, arg)}, returning the call's result as is (-1 on failure; {@code
     * errno} is not captured, so the call costs no allocation).
     */
    public static int ioctl(int fd, long request, MemorySegment arg) {
        try {
            return (int) Ioctl.HANDLE.invokeExact(fd, request, arg);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code ftruncate(fd, length)}. */
    public static void ftruncate(int fd, long length) {
        call(Syscall.FTRUNCATE, length, fd, length, 0, 0, 0, 0);
    }

    /** {@code close(fd)}. */
    public static void close(int fd) {
        call(Syscall.CLOSE, 0, fd, 0, 0, 0, 0, 0);
    }

    /**
     * Makes system call {@code call} with up to six arguments (unused ones 0) and returns its
     * result, or {@code -errno} when it fails, as the kernel itself reports errors. For callers
     * that map errors themselves, such as the WASI host, which turns them into WASI errno values.
     */
    public static long syscall(Syscall call, long a, long b, long c, long d, long e, long f) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long result =
                    (long)
                            SyscallHandle.HANDLE.invokeExact(
                                    state, call.number(), a, b, c, d, e, f);
            return result == FAILED ? -(int) ERRNO.get(state, 0L) : result;
        } catch (RuntimeException | Error t) {
            throw t;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The C library's text for {@code errno}, e.g. {@code Cannot allocate memory}. */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Strerror.HANDLE.invokeExact(errno);
            return text.reinterpret(1024).getString(0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Makes system call {@code call} and returns its result; a failure (-1 with {@code errno})
     * becomes a {@link NativeCallException} naming the call and {@code size}.
     */
    private static long call(
            Syscall call, long size, long a, long b, long c, long d, long e, long f) {
        long result = syscall(call, a, b, c, d, e, f);
        if (result < 0) {
            int errno = (int) -result;
            throw new NativeCallException(call.cName(), size, errno, strerror(errno));
        }
        return result;
    }

    private static long readPageSize() {
        try {
            ByteBuffer auxv =
                    ByteBuffer.wrap(Files.readAllBytes(Path.of("/proc/self/auxv")))
                            .order(ByteOrder.nativeOrder());
            while (auxv.remaining() >= 2 * Long.BYTES) {
                long type = auxv.getLong();
                long value = auxv.getLong();
                if (type == AT_PAGESZ) {
                    return value;
                }
            }
            throw new IllegalStateException("/proc/self/auxv has no AT_PAGESZ entry");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page size from /proc/self/auxv", e);
        }
    }

    private static MemorySegment find(String name) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw new UnsupportedOperationException(
                    "wasmrun's native memory needs Linux (x86_64 or aarch64); this is " + os);
        }
        return LINKER.defaultLookup()
                .find(name)
                .orElseThrow(
                        () -> new UnsupportedOperationException("C library has no " + name));
    }
}
