package io.wasmrun.allocator.pooling;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.allocator.sys.NativeCallException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@link ProtectionKeys} through glibc (2.27 and later): {@code pkey_alloc}, {@code pkey_free},
 * {@code pkey_mprotect}, and {@code pkey_set}/{@code pkey_get}, which read and write the calling
 * thread's PKRU register (Java cannot execute {@code wrpkru} itself). Support is probed once by
 * allocating and freeing a key: it fails with {@code EINVAL} or {@code ENOSPC} where the CPU or
 * the kernel lacks keys, and the functions are missing from C libraries without them.
 */
final class SystemProtectionKeys implements ProtectionKeys {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));

    /** Declared after the handles it needs. */
    static final SystemProtectionKeys INSTANCE = new SystemProtectionKeys();

    private final MethodHandle alloc;
    private final MethodHandle free;
    private final MethodHandle mprotect;
    private final MethodHandle set;
    private final MethodHandle get;
    private final String unsupportedReason;

    private SystemProtectionKeys() {
        alloc = find("pkey_alloc", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        free = find("pkey_free", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        mprotect =
                find(
                        "pkey_mprotect",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT));
        set = find("pkey_set", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        get = find("pkey_get", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        unsupportedReason = probe();
    }

    /** Why keys are unavailable, or empty when they work. */
    Optional<String> unsupportedReason() {
        return Optional.ofNullable(unsupportedReason);
    }

    @Override
    public boolean isSupported() {
        return unsupportedReason == null;
    }

    @Override
    public int[] allocate(int max) {
        if (!isSupported()) {
            throw new UnsupportedOperationException(unsupportedReason);
        }
        int[] keys = new int[max];
        int n = 0;
        while (n < max) {
            int key = call(alloc, 0, 0);
            if (key < 0) {
                break;
            }
            keys[n++] = key;
        }
        return Arrays.copyOf(keys, n);
    }

    @Override
    public void protect(MemorySegment address, long length, int prot, int key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) mprotect.invokeExact(state, address, length, prot, key);
            if (result != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new NativeCallException("pkey_mprotect", length, errno, Libc.strerror(errno));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void setRights(int key, int rights) {
        try {
            if ((int) set.invokeExact(key, rights) != 0) {
                throw new IllegalStateException("pkey_set(" + key + ", " + rights + ") failed");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int rights(int key) {
        try {
            return (int) get.invokeExact(key);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void free(int[] keys) {
        for (int key : keys) {
            call(free, key);
        }
    }

    private String probe() {
        if (alloc == null || free == null || mprotect == null || set == null || get == null) {
            return "the C library has no pkey_* functions";
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int key = (int) alloc.invokeExact(state, 0, 0);
            if (key < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                return "pkey_alloc failed: " + Libc.strerror(errno) + " (errno " + errno + ")";
            }
            int ignored = (int) free.invokeExact(state, key);
            return null;
        } catch (Throwable t) {
            return "pkey_alloc failed: " + t;
        }
    }

    private static int call(MethodHandle handle, int... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return args.length == 1
                    ? (int) handle.invokeExact(state, args[0])
                    : (int) handle.invokeExact(state, args[0], args[1]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** An errno-capturing handle for the C function {@code name}, or null if there is none. */
    private static MethodHandle find(String name, FunctionDescriptor descriptor) {
        Optional<MemorySegment> symbol = LINKER.defaultLookup().find(name);
        if (symbol.isEmpty()) {
            return null;
        }
        boolean threadRegister = name.equals("pkey_set") || name.equals("pkey_get");
        return threadRegister
                ? LINKER.downcallHandle(symbol.get(), descriptor, Linker.Option.critical(false))
                : LINKER.downcallHandle(
                        symbol.get(), descriptor, Linker.Option.captureCallState("errno"));
    }
}
