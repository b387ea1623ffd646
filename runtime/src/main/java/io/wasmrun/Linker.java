package io.wasmrun;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportTag;
import com.dylibso.chicory.runtime.ImportValue;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import io.wasmrun.runtime.simd.SimdLowering;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Names what modules import, like wasmtime's {@code Linker}: host functions, WASI, and other
 * instances' exports; {@link #instantiate} resolves a module's imports against it. One linker can
 * serve any number of stores and threads once defined: host functions are bound to the calling
 * store on each instantiation, while exports of an instance can only be imported into its own store.
 */
public final class Linker {
    /** What one name is defined as. */
    private sealed interface Definition {}

    private record Host(FuncType type, RawHostFunction function) implements Definition {}

    private record Exported(Extern extern) implements Definition {}

    /** A Chicory import value defined as it is (WASI, the interop package). */
    private record Native(ImportValue value) implements Definition {}

    private final Map<String, Map<String, Definition>> definitions = new LinkedHashMap<>();

    /** Defines a host function with typed arguments and results. */
    public Linker func(String module, String name, FuncType type, HostFunction function) {
        Objects.requireNonNull(function, "function");
        return funcRaw(module, name, type, (caller, raw) -> RawValues.toRaw(
                function.call(caller, RawValues.toVals(type.params(), raw)),
                RawValues.width(type.results())));
    }

    /** Defines a host function that works on raw values, without a conversion per call. */
    public Linker funcRaw(String module, String name, FuncType type, RawHostFunction function) {
        return put(module, name, new Host(Objects.requireNonNull(type, "type"), Objects.requireNonNull(function, "function")));
    }

    /** Defines {@code module}.{@code name} as an instance's export (a function, memory, table, global or tag). */
    public Linker define(String module, String name, Extern extern) {
        return put(module, name, new Exported(Objects.requireNonNull(extern, "extern")));
    }

    /** Makes every export of {@code instance} importable under module name {@code module}. */
    public Linker instance(String module, Instance instance) {
        instance.exports().forEach((name, extern) -> define(module, name, extern));
        return this;
    }

    /** Defines every WASI preview1 function of {@code wasi}. */
    public Linker wasi(Wasi wasi) {
        for (ImportValue value : wasi.runtimeWasi().functions()) {
            put(value.module(), value.name(), new Native(value));
        }
        return this;
    }

    /** Whether {@code module}.{@code name} is defined. */
    public boolean isDefined(String module, String name) {
        return definitions.getOrDefault(module, Map.of()).containsKey(name);
    }

    /**
     * Instantiates {@code module} in {@code store}: resolves its imports, allocates its memories
     * and tables, runs its data and element initialisation and its start function (under the
     * store's timeout).
     *
     * @throws LinkException when an import is not defined, has another type, or belongs to
     *     another store
     * @throws Trap when the start function traps
     */
    public Instance instantiate(Store store, Module module) {
        if (module.engine() != store.engine()) {
            throw new LinkException(module.name() + ": the module was loaded by another engine than the store's");
        }
        store.checkCanInstantiate(module);
        var resolved = new io.wasmrun.runtime.Linker();
        for (ImportType imp : module.imports()) {
            Definition definition = definitions.getOrDefault(imp.module(), Map.of()).get(imp.name());
            if (definition != null) {
                resolved.define(importValue(store, module, imp, definition));
                if (definition instanceof Exported(Global global) && global.chicoryHigh() != null) {
                    resolved.define(new ImportGlobal(
                            imp.module(), imp.name() + SimdLowering.HIGH_HALF_SUFFIX, global.chicoryHigh()));
                }
            }
        }
        var wasmInstance = store.guarded(() -> store.engine().runtime()
                .instantiate(module.loaded(), resolved, store.context(), store.caps()));
        var instance = new Instance(store, module, wasmInstance);
        store.add(instance);
        return instance;
    }

    private Linker put(String module, String name, Definition definition) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        definitions.computeIfAbsent(module, k -> new LinkedHashMap<>()).put(name, definition);
        return this;
    }

    private static ImportValue importValue(Store store, Module module, ImportType imp, Definition definition) {
        String m = imp.module();
        String n = imp.name();
        return switch (definition) {
            case Native(ImportValue value) -> value;
            case Host(FuncType type, RawHostFunction function) -> new com.dylibso.chicory.runtime.HostFunction(
                    m, n, ChicoryTypes.executable(type),
                    (caller, args) -> function.call(new Caller(store, caller), args));
            case Exported(Extern extern) -> {
                if (extern.store() != store) {
                    throw new LinkException(module.name() + ": import `" + m + "`.`" + n
                            + "` is defined as an export of an instance in another store");
                }
                yield exportedValue(m, n, extern);
            }
        };
    }

    private static ImportValue exportedValue(String module, String name, Extern extern) {
        return switch (extern) {
            case Func f -> {
                var owner = f.chicoryOwner();
                int index = f.index();
                WasmFunctionHandle handle = (caller, args) -> owner.getMachine().call(index, args);
                yield new ImportFunction(module, name, f.chicoryType(), handle, owner);
            }
            case Memory memory -> new ImportMemory(module, name, memory.chicory());
            case Table table -> new ImportTable(module, name, table.chicory());
            case Global global -> new ImportGlobal(module, name, global.chicory());
            case Tag tag -> new ImportTag(module, name, tag.chicory());
        };
    }
}
