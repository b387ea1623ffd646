package io.wasmrun.allocator.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * Downcalls into the C library for the virtual-memory calls the allocators use. Each method
 * returns normally or throws {@link NativeCallException}; none is meant for a hot path (each call
 * allocates a small buffer for the captured {@code errno}).
 */
@SuppressWarnings("restricted") // native access is this class's purpose; see the package doc
public final class Libc {
    private static final long MAP_FAILED = -1L;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle MMAP =
            errnoCall(
                    "mmap",
                    FunctionDescriptor.of(
                            ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP =
            errnoCall("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MPROTECT =
            errnoCall("mprotect", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle MADVISE =
            errnoCall("madvise", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    // void *mremap(void *old, size_t old_size, size_t new_size, int flags, ... /* new_address */)
    private static final MethodHandle MREMAP =
            errnoCall(
                    "mremap",
                    FunctionDescriptor.of(
                            ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS),
                    Linker.Option.firstVariadicArg(4));
    private static final MethodHandle MEMFD_CREATE =
            errnoCall("memfd_create", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FTRUNCATE =
            errnoCall("ftruncate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle CLOSE =
            errnoCall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    // int open(const char *path, int flags, ... /* mode_t mode */)
    private static final MethodHandle OPEN =
            errnoCall(
                    "open",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                    Linker.Option.firstVariadicArg(2));
    // int ioctl(int fd, unsigned long request, ... /* void *arg */): no errno capture, it is
    // meant for a hot path (PAGEMAP_SCAN on every pool slot reset)
    private static final MethodHandle IOCTL =
            LINKER.downcallHandle(
                    find("ioctl"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                    Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SYSCONF =
            errnoCall("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));
    private static final MethodHandle STRERROR =
            LINKER.downcallHandle(find("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private static final long PAGE_SIZE = querySysconf(LinuxConstants.SC_PAGESIZE);

    private Libc() {}

    /** The operating system's page size ({@code sysconf(_SC_PAGESIZE)}), e.g. 4096. */
    public static long pageSize() {
        return PAGE_SIZE;
    }

    /** Rounds {@code bytes} up to a whole number of OS pages. */
    public static long roundUpToPage(long bytes) {
        return (bytes + PAGE_SIZE - 1) & -PAGE_SIZE;
    }

    /**
     * {@code mmap(address, length, prot, flags, fd, offset)}.
     *
     * @return the mapping, a segment of {@code length} bytes
     */
    public static MemorySegment mmap(
            long address, long length, int prot, int flags, int fd, long offset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment result =
                    (MemorySegment)
                            MMAP.invokeExact(
                                    state,
                                    MemorySegment.ofAddress(address),
                                    length,
                                    prot,
                                    flags,
                                    fd,
                                    offset);
            if (result.address() == MAP_FAILED) {
                throw failure("mmap", length, state);
            }
            return result.reinterpret(length);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code munmap(address, length)}. */
    public static void munmap(MemorySegment address, long length) {
        checkZero("munmap", length, address, length, 0, MUNMAP, false);
    }

    /** {@code mprotect(address, length, prot)}. */
    public static void mprotect(MemorySegment address, long length, int prot) {
        checkZero("mprotect", length, address, length, prot, MPROTECT, true);
    }

    /** {@code madvise(address, length, advice)}. */
    public static void madvise(MemorySegment address, long length, int advice) {
        checkZero("madvise", length, address, length, advice, MADVISE, true);
    }

    /**
     * {@code mremap(old, oldSize, newSize, flags, newAddress)}; {@code newAddress} is only read
     * with {@link LinuxConstants#MREMAP_FIXED}.
     *
     * @return the mapping at its (possibly new) place, a segment of {@code newSize} bytes
     */
    public static MemorySegment mremap(
            MemorySegment old, long oldSize, long newSize, int flags, long newAddress) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment result =
                    (MemorySegment)
                            MREMAP.invokeExact(
                                    state,
                                    old,
                                    oldSize,
                                    newSize,
                                    flags,
                                    MemorySegment.ofAddress(newAddress));
            if (result.address() == MAP_FAILED) {
                throw failure("mremap", newSize, state);
            }
            return result.reinterpret(newSize);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code memfd_create(name, flags)}: an anonymous file, returned as a file descriptor. */
    public static int memfdCreate(String name, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) MEMFD_CREATE.invokeExact(state, arena.allocateFrom(name), flags);
            if (fd < 0) {
                throw failure("memfd_create", 0, state);
            }
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code open(path, flags)}: a file descriptor. */
    public static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags, 0);
            if (fd < 0) {
                throw failure("open", 0, state);
            }
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * {@code ioctl(fd, request, arg)}, returning the call's result as is (-1 on failure; {@code
     * errno} is not captured, so the call costs no allocation).
     */
    public static int ioctl(int fd, long request, MemorySegment arg) {
        try {
            return (int) IOCTL.invokeExact(fd, request, arg);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code ftruncate(fd, length)}. */
    public static void ftruncate(int fd, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) FTRUNCATE.invokeExact(state, fd, length) != 0) {
                throw failure("ftruncate", length, state);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code close(fd)}. */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) CLOSE.invokeExact(state, fd) != 0) {
                throw failure("close", 0, state);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The C library's text for {@code errno}, e.g. {@code Cannot allocate memory}. */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(1024).getString(0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void checkZero(
            String call,
            long size,
            MemorySegment address,
            long length,
            int arg,
            MethodHandle handle,
            boolean withArg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result =
                    withArg
                            ? (int) handle.invokeExact(state, address, length, arg)
                            : (int) handle.invokeExact(state, address, length);
            if (result != 0) {
                throw failure(call, size, state);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static long querySysconf(int name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long value = (long) SYSCONF.invokeExact(state, name);
            if (value <= 0) {
                throw failure("sysconf", 0, state);
            }
            return value;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static NativeCallException failure(String call, long size, MemorySegment state) {
        int errno = (int) ERRNO.get(state, 0L);
        return new NativeCallException(call, size, errno, strerror(errno));
    }

    private static MethodHandle errnoCall(
            String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(options, 0, all, 1, options.length);
        return LINKER.downcallHandle(find(name), descriptor, all);
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
