package io.wasmrun.spectest.fuzz;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.LinkException;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.runtime.compile.CompileCache;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs modules in one configuration through wasmrun's embedding API, the way the node oracle runs
 * them in V8: instantiate with the {@code fuzzing-support} logging imports, call every exported
 * function in module order with zero arguments (after {@code hangLimitInitializer}, when the
 * module has it), and record what happened. Not thread-safe: one runner per worker.
 */
final class WasmrunRunner implements AutoCloseable {
    static final String HANG_LIMIT_INITIALIZER = "hangLimitInitializer";

    private final FuzzConfiguration configuration;
    private final InstanceAllocator allocator;
    private final WasmRuntime runtime;
    private final Linker linker = new Linker();
    private List<Event> events = new ArrayList<>();
    private int tempRet0;

    WasmrunRunner(FuzzConfiguration configuration, CompileCache cache) {
        this.configuration = configuration;
        this.allocator = configuration.newAllocator();
        this.runtime = WasmRuntime.builder().withStrategy(configuration.engine()).withAllocator(allocator).withCompileCache(cache).build();
        logger("log-i32", ValType.I32);
        logger("log-i64", ValType.I64);
        logger("log-f32", ValType.F32);
        logger("log-f64", ValType.F64);
        // binaryen's translate-to-fuzz imports log-v128 when SIMD is on; a lowered module imports
        // a v128 parameter as its two i64 halves, low first
        linker.define(new HostFunction("fuzzing-support", "log-v128", FunctionType.of(List.of(ValType.I64, ValType.I64), List.of()), (instance, args) -> {
            events.add(new Event.Log(List.of(Value.v128(args[0], args[1]))));
            return null;
        }));
        linker.define(new HostFunction("env", "setTempRet0", FunctionType.of(List.of(ValType.I32), List.of()), (instance, args) -> {
            tempRet0 = (int) args[0];
            return null;
        }));
        linker.define(new HostFunction("env", "getTempRet0", FunctionType.of(List.of(), List.of(ValType.I32)), (instance, args) -> new long[] {tempRet0}));
    }

    private void logger(String name, ValType type) {
        String typeName = typeName(type);
        linker.define(new HostFunction("fuzzing-support", name, FunctionType.of(List.of(type), List.of()), (instance, args) -> {
            events.add(new Event.Log(List.of(Value.ofRaw(typeName, args[0]))));
            return null;
        }));
    }

    FuzzConfiguration configuration() {
        return configuration;
    }

    /**
     * Runs the module {@code bytes} (named {@code name} in messages) and returns what happened;
     * with {@code memory}, the exported memory's state after traps and at the end too.
     */
    Trace run(String name, byte[] bytes, boolean memory) {
        events = new ArrayList<>();
        tempRet0 = 0;
        List<Event> trace = events;
        try {
            execute(name, bytes, memory);
        } catch (Throwable error) {
            trace.add(new Event.Escaped(Escapes.signature(error), Escapes.detail(error)));
        }
        return new Trace(trace);
    }

    private void execute(String name, byte[] bytes, boolean compareMemory) {
        LoadedModule module;
        try {
            module = runtime.load(name, bytes);
        } catch (ModuleLoadException e) {
            events.add(e.kind() == ModuleLoadException.Kind.UNSUPPORTED ? new Event.Stopped("unsupported: " + e.problem()) : new Event.Rejected(e.getMessage()));
            return;
        }
        WasmInstance instance;
        try {
            instance = runtime.instantiate(module, linker);
        } catch (LinkException e) {
            events.add(new Event.LinkFailed(e.getMessage()));
            return;
        } catch (Trap trap) {
            trapped(trap);
            return;
        } catch (ModuleLoadException e) {
            // Chicory validates some things only when it builds the instance (an unknown function
            // in an element segment): a clean rejection, later than V8's
            events.add(e.kind() == ModuleLoadException.Kind.UNSUPPORTED ? new Event.Stopped("unsupported: " + e.problem()) : new Event.Rejected(e.getMessage()));
            return;
        } catch (WasmrunException e) {
            events.add(failedInstantiation(e));
            return;
        }
        try (instance) {
            var exports = module.wasm().exportSection();
            boolean hangLimit = false;
            int memory = -1;
            List<String> functions = new ArrayList<>();
            for (int i = 0; i < exports.exportCount(); i++) {
                var export = exports.getExport(i);
                if (export.exportType() == ExternalType.FUNCTION) {
                    functions.add(export.name());
                    hangLimit |= export.name().equals(HANG_LIMIT_INITIALIZER);
                } else if (export.exportType() == ExternalType.MEMORY && memory < 0 && compareMemory) {
                    memory = export.index();
                }
            }
            for (String function : functions) {
                events.add(new Event.Call(function));
                if (!call(instance, function, hangLimit)) {
                    return;
                }
                if (memory >= 0 && events.getLast() instanceof Event.Trapped) {
                    events.add(new Event.MemoryState(memoryState(instance.memory(memory))));
                }
            }
            if (memory >= 0) {
                events.add(new Event.MemoryState(memoryState(instance.memory(memory))));
            }
        } finally {
            unload(module);
        }
    }

    /** Calls one export; false when nothing after it can be compared. */
    private boolean call(WasmInstance instance, String function, boolean hangLimit) {
        FunctionType type = instance.functionType(function);
        try {
            if (hangLimit) {
                instance.call(HANG_LIMIT_INITIALIZER);
            }
            // the declared type; in raw form a v128 is two longs, low half first
            int width = 0;
            for (ValType param : type.params()) {
                width += param.equals(ValType.V128) ? 2 : 1;
            }
            long[] raw = instance.call(function, new long[width]);
            List<Value> results = new ArrayList<>();
            List<ValType> returns = type.returns();
            int at = 0;
            for (ValType result : returns) {
                if (result.equals(ValType.V128)) {
                    results.add(Value.v128(rawAt(raw, at), rawAt(raw, at + 1)));
                    at += 2;
                } else {
                    results.add(Value.ofRaw(typeName(result), rawAt(raw, at++)));
                }
            }
            events.add(new Event.Returned(results));
            return true;
        } catch (Trap trap) {
            return trapped(trap);
        } catch (WasmrunException e) {
            // not a trap, and a call of an existing export should fail in no other clean way
            events.add(new Event.Escaped("wasmrun-exception:" + Escapes.signature(e), Escapes.detail(e)));
            return true;
        } catch (StackOverflowError e) {
            events.add(new Event.Exhausted());
            return false;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            events.add(new Event.Escaped(Escapes.signature(e), Escapes.detail(e)));
            return true;
        }
    }

    private static long rawAt(long[] raw, int i) {
        return raw == null || i >= raw.length ? 0 : raw[i];
    }

    /** Records a trap; false when it ends what can be compared (stack, memory, interruption). */
    private boolean trapped(Trap trap) {
        var kinds = TrapKind.ofWasmrun(trap.reason());
        if (kinds.contains(TrapKind.STACK_EXHAUSTED)) {
            events.add(new Event.Exhausted());
            return false;
        }
        if (kinds.contains(TrapKind.OUT_OF_MEMORY)) {
            events.add(new Event.Stopped("out of memory"));
            return false;
        }
        if (kinds.contains(TrapKind.INTERRUPTED) || Thread.currentThread().isInterrupted()) {
            events.add(new Event.Stopped("timeout"));
            return false;
        }
        events.add(new Event.Trapped(trap.reason(), kinds, null));
        return true;
    }

    /** An instantiation that failed without a trap: a host limit, or an error wasmrun wrapped. */
    private static Event failedInstantiation(WasmrunException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LimitExceededException) {
                return new Event.Stopped("host limit: " + e.getMessage());
            }
        }
        if (e.getCause() == null || e.getCause() instanceof WasmrunException) {
            return new Event.Escaped("instantiation-failed", e.getMessage());
        }
        return new Event.Escaped("instantiation-failed:" + Escapes.signature(e.getCause()), Escapes.detail(e));
    }

    private void unload(LoadedModule module) {
        runtime.unload(module);
    }

    /**
     * A memory's size in pages and a 32-bit FNV-1a hash over its little-endian words, as the node
     * oracle computes it: {@code 16:1a2b3c4d}.
     */
    static String memoryState(com.dylibso.chicory.runtime.Memory memory) {
        int pages = memory.pages();
        byte[] bytes = memory.readBytes(0, pages * 65536);
        var words = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int h = 0x811c9dc5;
        while (words.hasRemaining()) {
            h = (h ^ words.get()) * 0x01000193;
        }
        return pages + ":" + String.format("%08x", h);
    }

    static String typeName(ValType type) {
        if (type.equals(ValType.I32)) {
            return "i32";
        }
        if (type.equals(ValType.I64)) {
            return "i64";
        }
        if (type.equals(ValType.F32)) {
            return "f32";
        }
        if (type.equals(ValType.F64)) {
            return "f64";
        }
        if (type.equals(ValType.V128)) {
            return "v128";
        }
        return String.valueOf(type).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        runtime.close();
        allocator.close();
    }
}
