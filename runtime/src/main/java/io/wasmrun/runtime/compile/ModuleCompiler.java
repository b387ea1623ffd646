package io.wasmrun.runtime.compile;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.runtime.engine.FunctionBodySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a module into a machine factory through a {@link CompileCache}: on a hit it loads the
 * stored classes; on a miss it runs Chicory's code generator, rewrites the classes
 * ({@link ClassRewriter}), loads every one of them (so the JVM verifies each before anything is
 * stored) and stores them. A hit defines each class only when the run first uses it ({@link
 * GeneratedClassLoader}): the entry was verified in full when it was stored, and its checksum
 * says it is what was stored. A stored entry whose machine class still fails to load is
 * recompiled and replaced.
 */
public final class ModuleCompiler {
    private final CompileCache cache;
    private final ClassRewriter rewriter;

    public ModuleCompiler(CompileCache cache) {
        this(cache, ClassRewriter.forChicory());
    }

    ModuleCompiler(CompileCache cache, ClassRewriter rewriter) {
        this.cache = cache;
        this.rewriter = rewriter;
    }

    /**
     * The classes for {@code module}: Chicory's, rewritten ({@link ClassRewriter}), with its large
     * range dispatch classes split ({@link DispatchSplit}); neither cached nor loaded.
     */
    public ClassJar compile(WasmModule module) {
        return DispatchSplit.apply(ChicoryCodegen.generate(module).map(rewriter::rewrite));
    }

    /** A machine factory for instances of {@code module}, from the cache when it can. */
    public Function<Instance, Machine> machineFactory(WasmModule module) {
        return cachedMachineFactory(module).orElseGet(() -> compileAndStore(CacheKey.of(module), module, module, null));
    }

    /** A machine factory for {@code module} from the cache, if it holds the module's classes. */
    public Optional<Function<Instance, Machine>> cachedMachineFactory(WasmModule module) {
        return cache.get(CacheKey.of(module)).map(jar -> machineFactory(module, jar, () -> module, null));
    }

    /**
     * A machine factory for instances of {@code module} from {@code cachedJar}, the classes the
     * cache holds for its key. {@code module} may lack its function bodies (as decoded by the
     * runtime on a cache hit); should the classes fail to load, {@code complete} gives the module
     * with its code, which is compiled and stored afresh. Either way the factory is bound to {@code
     * module}, the object instances are built from, and its classes' interpreter takes the bodies
     * {@code module} lacks from {@code bodies} (null when it has them all).
     */
    public Function<Instance, Machine> machineFactory(
            WasmModule module, byte[] cachedJar, Supplier<WasmModule> complete, FunctionBodySource bodies) {
        try {
            return loadLazily(module, cachedJar, bodies);
        } catch (RuntimeException | LinkageError e) {
            // a damaged entry that slipped past the checksum: compile afresh below
        }
        return compileAndStore(CacheKey.of(module), module, complete.get(), bodies);
    }

    private Function<Instance, Machine> compileAndStore(
            CacheKey key, WasmModule module, WasmModule complete, FunctionBodySource bodies) {
        ClassJar classes = compile(complete);
        var factory = load(module, classes, true, bodies);
        cache.put(key, classes.toBytes());
        return factory;
    }

    /**
     * Loads classes made by {@link #compile} (for {@code module}) into a machine factory, defining
     * and verifying every class now.
     */
    public static Function<Instance, Machine> load(WasmModule module, byte[] jar) {
        return load(module, parse(jar), true, null);
    }

    private static Function<Instance, Machine> load(
            WasmModule module, ClassJar classes, boolean verifyAll, FunctionBodySource bodies) {
        var slices = new LinkedHashMap<String, StoredJar.Slice>();
        classes.classes().forEach((name, bytes) -> slices.put(name, StoredJar.Slice.of(bytes)));
        return load(module, classes.mainClass(), slices, verifyAll, bodies);
    }

    /** Loads stored classes into a machine factory, each class defined when first used. */
    private static Function<Instance, Machine> loadLazily(WasmModule module, byte[] jar, FunctionBodySource bodies) {
        try {
            var stored = StoredJar.read(jar);
            return load(module, stored.mainClass(), stored.classes(), false, bodies);
        } catch (IOException notStored) {
            return load(module, parse(jar), false, bodies);
        }
    }

    private static ClassJar parse(byte[] jar) {
        try {
            return ClassJar.parse(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Function<Instance, Machine> load(
            WasmModule module,
            String mainClass,
            Map<String, StoredJar.Slice> classes,
            boolean verifyAll,
            FunctionBodySource bodies) {
        var loader = new GeneratedClassLoader(classes, bodies);
        try {
            if (verifyAll) {
                for (String name : loader.undefined()) {
                    Class.forName(name, true, loader);
                }
            }
            var constructor = Class.forName(mainClass.replace('/', '.'), true, loader)
                    .asSubclass(Machine.class)
                    .getConstructor(Instance.class);
            MethodHandle create = MethodHandles.publicLookup().unreflectConstructor(constructor);
            return instance -> {
                if (instance.module() != module) {
                    throw new IllegalArgumentException("the instance is not of the module these classes were compiled for");
                }
                try {
                    return (Machine) create.invoke(instance);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled classes do not load: " + e, e);
        }
    }
}
