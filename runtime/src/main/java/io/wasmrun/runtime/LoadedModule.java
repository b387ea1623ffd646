package io.wasmrun.runtime;

import io.wasmrun.Strategy;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.runtime.compile.BackgroundCompile;
import io.wasmrun.runtime.compile.CompileCache;
import io.wasmrun.runtime.compile.DiskCompileCache;
import io.wasmrun.FirstCompile;
import io.wasmrun.runtime.compile.ModuleCompiler;
import io.wasmrun.runtime.engine.FunctionBodySource;
import io.wasmrun.runtime.engine.StackFloor;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A parsed and validated module, ready to be instantiated any number of times. With the compiler
 * engine the module is translated to JVM bytecode once, on first instantiation (or loaded from the
 * compile cache), and every later instance reuses the generated classes.
 */
public final class LoadedModule {
    private final ModuleInfo info;
    private final WasmModule declared;
    private final Strategy engine;
    private final CompileCache compileCache;
    /** Classes found in the cache before decoding, and the complete module should they not load. */
    private CachedCode cachedCode;
    private volatile Function<Instance, Machine> machineFactory;
    /** {@link StackFloor#of} the module, or -1 until first asked. */
    private volatile int interpreterStackFloor = -1;

    /** The module's bytes until its machine factory exists, for a detached compile; else null. */
    private byte[] source;
    private final FirstRun firstRun;

    LoadedModule(
            ModuleInfo info, WasmModule declared, Strategy engine, CompileCache compileCache, CachedCode cachedCode, FirstRun firstRun) {
        this.firstRun = firstRun;
        this.info = info;
        this.declared = declared;
        this.engine = engine;
        this.compileCache = compileCache;
        this.cachedCode = cachedCode;
        if (cachedCode != null && cachedCode.bodies() != null) {
            interpreterStackFloor = cachedCode.interpreterStackFloor();
        }
    }

    /**
     * Compiled classes found in the cache when the module was loaded without its function bodies.
     *
     * @param jar the classes jar
     * @param complete decodes the module with its function bodies
     * @param bodies supplies the bodies of interpreted functions when first called; null when the
     *     module holds them
     * @param interpreterStackFloor the stack floor recorded with the classes, which stands for
     *     {@link StackFloor#of} the module when its bodies come later
     */
    record CachedCode(byte[] jar, Supplier<WasmModule> complete, FunctionBodySource bodies, int interpreterStackFloor) {}

    /**
     * How a first run of a large module compiles ({@link io.wasmrun.FirstCompile}).
     *
     * @param timing when the classes are compiled
     * @param threshold bytes of function code that make a module large
     */
    record FirstRun(FirstCompile timing, long threshold) {}

    /** Keeps the module's bytes for a detached compile on a cache miss ({@link FirstCompile#DETACHED}). */
    void keepSource(byte[] bytes) {
        if (engine == Strategy.COMPILER && firstRun.timing() == FirstCompile.DETACHED) {
            source = bytes;
        }
    }

    /** The display name, usually the file name. */
    public String name() {
        return info.name();
    }

    /**
     * The Chicory module the engines run (for a module that uses SIMD, its lowering: see {@link
     * #declared()}). When the runtime decodes modules without their function bodies
     * on a compile-cache hit ({@link WasmRuntime.Builder#skipBodiesOnCacheHit}), its code section
     * holds empty bodies, but for the functions the compiled classes leave to the interpreter.
     */
    public WasmModule wasm() {
        return info.module();
    }

    /**
     * The module as it declares itself: its types, imports and exports as the API shows them. It
     * differs from {@link #wasm()} for a module that uses SIMD, which the engines run lowered
     * ({@link io.wasmrun.runtime.simd.SimdLowering}): there every v128 is two i64 halves.
     */
    public WasmModule declared() {
        return declared;
    }

    /** Whether the engines run a lowering of the module rather than the module itself. */
    public boolean lowered() {
        return declared != info.module();
    }

    /** The allocator's view of this module. */
    public ModuleInfo info() {
        return info;
    }

    /** The engine instances of this module run on. */
    public Strategy strategy() {
        return engine;
    }

    /** The type of the exported function {@code name}, if there is such an export. */
    public Optional<FunctionType> exportedFunctionType(String name) {
        return Signatures.export(declared, name)
                .filter(e -> e.exportType() == ExternalType.FUNCTION)
                .map(e -> Signatures.functionType(declared, e.index()));
    }

    /**
     * The type of the exported function {@code name}.
     *
     * @throws WasmrunException naming the module and listing its exported functions when there is
     *     no such exported function
     */
    public FunctionType requireExportedFunction(String name) {
        return exportedFunctionType(name).orElseThrow(() -> unknownExport(name));
    }

    /**
     * What to throw when {@code name} is not an exported function: {@code fib.wasm: unknown export
     * `x` (exported functions: fib, ...)}, or {@code export `memory` is not a function}.
     */
    public WasmrunException unknownExport(String name) {
        var available = Signatures.exportedFunctions(declared);
        boolean other =
                Signatures.export(declared, name)
                        .filter(e -> e.exportType() != ExternalType.FUNCTION)
                        .isPresent();
        return new WasmrunException(
                name()
                        + ": "
                        + (other ? "export `" + name + "` is not a function" : "unknown export `" + name + "`")
                        + (available.isEmpty()
                                ? " (the module exports no functions)"
                                : " (exported functions: " + String.join(", ", available) + ")"));
    }

    /** The operand-stack floor the interpreter keeps for this module ({@link StackFloor}). */
    int interpreterStackFloor() {
        int floor = interpreterStackFloor;
        if (floor < 0) {
            floor = StackFloor.of(wasm());
            interpreterStackFloor = floor;
        }
        return floor;
    }

    /**
     * With the compiler engine, makes the module's classes now (from the cache when it holds them),
     * blocking, whatever {@link FirstCompile} says for large modules; nothing when a factory exists.
     */
    public void compile() {
        if (engine == Strategy.COMPILER) {
            machineFactory(true);
        }
    }

    Function<Instance, Machine> machineFactory() {
        return machineFactory(false);
    }

    private Function<Instance, Machine> machineFactory(boolean blocking) {
        Function<Instance, Machine> factory = machineFactory;
        if (factory == null) {
            synchronized (this) {
                factory = machineFactory;
                if (factory == null) {
                    factory = createMachineFactory(blocking);
                    machineFactory = factory;
                    cachedCode = null;
                    source = null;
                }
            }
        }
        return factory;
    }

    private Function<Instance, Machine> createMachineFactory(boolean blocking) {
        return switch (engine) {
            case INTERPRETER -> InterpreterMachine::new;
            case COMPILER -> cachedCode == null
                    ? compiledOnFirstRun(blocking)
                    : new ModuleCompiler(compileCache)
                            .machineFactory(wasm(), cachedCode.jar(), cachedCode.complete(), cachedCode.bodies());
        };
    }

    /**
     * Classes for a module loaded with its bodies: from the cache, else compiled now when the
     * module is small or the runtime says {@link FirstCompile#BLOCKING}, else in the background.
     */
    private Function<Instance, Machine> compiledOnFirstRun(boolean blocking) {
        var compiler = new ModuleCompiler(compileCache);
        if (blocking
                || firstRun.timing() == FirstCompile.BLOCKING
                || !BackgroundCompile.large(wasm(), firstRun.threshold())) {
            return compiler.machineFactory(wasm());
        }
        var cached = compiler.cachedMachineFactory(wasm());
        if (cached.isPresent()) {
            return cached.get();
        }
        if (firstRun.timing() == FirstCompile.DETACHED
                && source != null
                && compileCache instanceof DiskCompileCache disk
                && CacheFiller.start(source, disk)) {
            return InterpreterMachine::new;
        }
        return BackgroundCompile.onThread(compiler, wasm());
    }
}
