package io.wasmrun;

import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.wasmrun.runtime.Signatures;
import io.wasmrun.runtime.WasmInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An instantiated module, living in a {@link Store} until the store is closed (or {@link
 * #close()} returns it early). Exports are looked up by name.
 */
public final class Instance implements AutoCloseable {
    private final Store store;
    private final Module module;
    private final WasmInstance instance;
    private boolean released;

    Instance(Store store, Module module, WasmInstance instance) {
        this.store = store;
        this.module = module;
        this.instance = instance;
    }

    public Store store() {
        return store;
    }

    public Module module() {
        return module;
    }

    /** The exported function {@code name}, if there is one. */
    public Optional<Func> func(String name) {
        return export(name, ExternalType.FUNCTION).map(e -> Func.exported(this, e.index()));
    }

    /**
     * The exported function {@code name}.
     *
     * @throws WasmrunException naming the module and listing its exported functions when there is
     *     no such function
     */
    public Func requireFunc(String name) {
        return func(name).orElseThrow(() -> module.loaded().unknownExport(name));
    }

    /** The exported memory {@code name}, if there is one. */
    public Optional<Memory> memory(String name) {
        return export(name, ExternalType.MEMORY).map(e -> new Memory(store, instance.chicory().memory(e.index())));
    }

    /** The exported table {@code name}, if there is one. */
    public Optional<Table> table(String name) {
        return export(name, ExternalType.TABLE)
                .map(e -> new Table(store, instance.chicory(), instance.chicory().table(e.index())));
    }

    /** The exported global {@code name}, if there is one. */
    public Optional<Global> global(String name) {
        return export(name, ExternalType.GLOBAL).map(e -> {
            var chicory = instance.chicory();
            if (module.loaded().lowered()
                    && ModuleEntities.type(module.loaded().declared(), ExternalType.GLOBAL, declaredIndex(name))
                            instanceof GlobalType type
                    && type.content() == ValType.V128) {
                return new Global(store, chicory.global(e.index()), chicory.global(e.index() + 1));
            }
            return new Global(store, chicory.global(e.index()));
        });
    }

    private int declaredIndex(String name) {
        return Signatures.export(module.loaded().declared(), name).orElseThrow().index();
    }

    /** The exported tag {@code name}, if there is one. */
    public Optional<Tag> tag(String name) {
        return export(name, ExternalType.TAG).map(e -> new Tag(store, instance.chicory().tag(e.index())));
    }

    /** Every export (function, memory, table, global, tag) by name in export order. */
    public Map<String, Extern> exports() {
        var result = new LinkedHashMap<String, Extern>();
        var exports = module.loaded().declared().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            String name = exports.getExport(i).name();
            Optional<? extends Extern> extern = switch (exports.getExport(i).exportType()) {
                case FUNCTION -> func(name);
                case MEMORY -> memory(name);
                case TABLE -> table(name);
                case GLOBAL -> global(name);
                case TAG -> tag(name);
            };
            extern.ifPresent(e -> result.put(name, e));
        }
        return result;
    }

    /** Returns this instance's resources to the allocator before its store closes. */
    @Override
    public void close() {
        store.remove(this);
        release();
    }

    synchronized void release() {
        if (!released) {
            released = true;
            instance.close();
        }
    }

    WasmInstance wasmInstance() {
        return instance;
    }

    private Optional<Export> export(String name, ExternalType kind) {
        return Signatures.export(instance.chicory().module(), name).filter(e -> e.exportType() == kind);
    }

    @Override
    public String toString() {
        return "Instance[" + module.name() + "]";
    }
}
