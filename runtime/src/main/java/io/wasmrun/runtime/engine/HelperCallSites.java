package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Memory;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The helpers compiled code calls on its hottest paths (loads, stores and the interrupt check),
 * reached through {@code invokedynamic} call sites bound here instead of Chicory's {@code
 * invokestatic} calls of its {@code Shaded} copies ({@code HelperCallRewrite} rewrites those in
 * the memory loops of large functions).
 *
 * <p>Why: HotSpot's C2 stops inlining into a method once parsing it has created about 18,000
 * nodes ({@code NodeCountInliningCutoff}, fixed in product builds), and one memory access inlines
 * about 30 methods of the JDK's memory-segment code, some 600 nodes. In a wasm function with more
 * than a few dozen loads and stores (wasi-libc's {@code memcpy} and {@code memmove} have 80 and 89), the accesses after the
 * first 30 were calls, hot loops included. C2 does not refuse a callee reached through a method
 * handle's lambda form past that cutoff: it inlines it after parsing, when the segment code has
 * folded down to a few nodes (limited by {@code LiveNodeCountInliningCutoff} on live nodes
 * instead). A constant call site's target is such a callee. Each call site is linked on its first
 * execution.
 *
 * <p>The helpers do what Chicory's do, with wasmrun's effective address ({@link
 * CompiledAddresses}); their names and descriptors are those of Chicory's helpers.
 */
public final class HelperCallSites {
    private static final ConcurrentHashMap<String, MethodHandle> TARGETS = new ConcurrentHashMap<>();

    private HelperCallSites() {}

    /**
     * Binds a call site to the helper of this class with the site's name and type.
     *
     * @throws NoSuchMethodException if there is no such helper (a class rewritten by another
     *     version of wasmrun)
     */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type)
            throws ReflectiveOperationException {
        String key = name + type.toMethodDescriptorString();
        MethodHandle target = TARGETS.get(key);
        if (target == null) {
            target = MethodHandles.lookup().findStatic(HelperCallSites.class, name, type);
            TARGETS.put(key, target);
        }
        return new ConstantCallSite(target);
    }

    /**
     * Binds a call site of each helper, so that the JDK makes the method-handle code for each of
     * their types now (about 1 ms each in a fresh JVM; the start-up warm-up thread calls this)
     * rather than when compiled code first reaches a call site of that type.
     */
    public static void prepare() {
        for (Method method : HelperCallSites.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && method.getReturnType() != CallSite.class
                    && !method.getName().equals("prepare")) {
                try {
                    bootstrap(MethodHandles.lookup(), method.getName(),
                            MethodType.methodType(method.getReturnType(), method.getParameterTypes()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Chicory's interrupt check at loop back-edges and calls: the thread's interrupt status. */
    public static void checkInterruption() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
    }

    public static byte memoryReadByte(int base, int offset, Memory memory) {
        return memory.read(CompiledAddresses.effectiveAddress(base, offset));
    }

    public static short memoryReadShort(int base, int offset, Memory memory) {
        return memory.readShort(CompiledAddresses.effectiveAddress(base, offset));
    }

    public static int memoryReadInt(int base, int offset, Memory memory) {
        return memory.readInt(CompiledAddresses.effectiveAddress(base, offset));
    }

    public static long memoryReadLong(int base, int offset, Memory memory) {
        return memory.readLong(CompiledAddresses.effectiveAddress(base, offset));
    }

    public static float memoryReadFloat(int base, int offset, Memory memory) {
        return memory.readFloat(CompiledAddresses.effectiveAddress(base, offset));
    }

    public static double memoryReadDouble(int base, int offset, Memory memory) {
        return memory.readDouble(CompiledAddresses.effectiveAddress(base, offset));
    }

    public static void memoryWriteByte(int base, byte value, int offset, Memory memory) {
        memory.writeByte(CompiledAddresses.effectiveAddress(base, offset), value);
    }

    public static void memoryWriteShort(int base, short value, int offset, Memory memory) {
        memory.writeShort(CompiledAddresses.effectiveAddress(base, offset), value);
    }

    public static void memoryWriteInt(int base, int value, int offset, Memory memory) {
        memory.writeI32(CompiledAddresses.effectiveAddress(base, offset), value);
    }

    public static void memoryWriteLong(int base, long value, int offset, Memory memory) {
        memory.writeLong(CompiledAddresses.effectiveAddress(base, offset), value);
    }

    public static void memoryWriteFloat(int base, float value, int offset, Memory memory) {
        memory.writeF32(CompiledAddresses.effectiveAddress(base, offset), value);
    }

    public static void memoryWriteDouble(int base, double value, int offset, Memory memory) {
        memory.writeF64(CompiledAddresses.effectiveAddress(base, offset), value);
    }
}
