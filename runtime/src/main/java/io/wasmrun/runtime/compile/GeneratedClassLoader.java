package io.wasmrun.runtime.compile;

import io.wasmrun.runtime.engine.FunctionBodySource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Defines the classes of one compiled module when the JVM first resolves them, not all at load:
 * a run of a large program touches a few of its function groups, and a class never resolved is
 * never parsed, verified or kept in metaspace.
 *
 * <p>Generated code names its classes only through constant-pool references, which the JVM resolves
 * lazily, so nothing but the machine class is defined up front. The classes are slices of the
 * bytes they were read from ({@link StoredJar}), which stay referenced until the loader is gone.
 */
final class GeneratedClassLoader extends ClassLoader implements FunctionBodySource.Holder {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, StoredJar.Slice> pending;
    private final FunctionBodySource bodies;

    /**
     * A loader for {@code classes} (class file bytes by name, binary or internal: Chicory's code
     * generator names some classes with slashes), defined on demand, whose interpreter takes the
     * bodies its instances lack from {@code bodies} (null when they have them all).
     */
    GeneratedClassLoader(Map<String, StoredJar.Slice> classes, FunctionBodySource bodies) {
        super(GeneratedClassLoader.class.getClassLoader());
        this.bodies = bodies;
        this.pending = new HashMap<>();
        classes.forEach((name, bytes) -> pending.put(name.replace('/', '.'), bytes));
    }

    /** The binary names of the classes not defined yet. */
    List<String> undefined() {
        synchronized (pending) {
            return List.copyOf(pending.keySet());
        }
    }

    @Override
    public FunctionBodySource functionBodies() {
        return bodies;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        StoredJar.Slice bytes;
        synchronized (pending) {
            bytes = pending.remove(name);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes.array(), bytes.offset(), bytes.length());
    }
}
