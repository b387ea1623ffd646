package io.wasmrun.runtime;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportTag;
import com.dylibso.chicory.runtime.ImportValue;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.Import;
import io.wasmrun.LinkException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names host definitions and other instances' exports so that modules can import them, like
 * wasmtime's {@code Linker}. Resolution checks every import up front and reports the first one
 * that is missing by module, name and kind, before Chicory builds anything.
 */
public final class Linker {
    private final Map<String, Map<String, ImportValue>> definitions = new LinkedHashMap<>();

    /** Defines one host value (function, memory, table, global or tag) under its own names. */
    public Linker define(ImportValue value) {
        definitions
                .computeIfAbsent(value.module(), k -> new LinkedHashMap<>())
                .put(value.name(), value);
        return this;
    }

    /** Defines every value in {@code values}. */
    public Linker defineAll(Iterable<? extends ImportValue> values) {
        for (ImportValue value : values) {
            define(value);
        }
        return this;
    }

    /** Makes every export of {@code instance} importable under module name {@code as}. */
    public Linker defineInstance(String as, WasmInstance instance) {
        Instance chicory = instance.chicory();
        var exports = chicory.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            define(asImport(as, exports.getExport(i), chicory));
        }
        return this;
    }

    /** Whether something is defined as {@code module}.{@code name}. */
    public boolean isDefined(String module, String name) {
        return definitions.getOrDefault(module, Map.of()).containsKey(name);
    }

    /** The names of the modules that have definitions. */
    public java.util.Set<String> moduleNames() {
        return java.util.Collections.unmodifiableSet(definitions.keySet());
    }

    /**
     * The import values for {@code module}, in import order.
     *
     * @throws LinkException naming the first import with no definition
     */
    public ImportValues resolve(LoadedModule module) {
        var builder = ImportValues.builder();
        var imports = module.wasm().importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            Import imp = imports.getImport(i);
            ImportValue value = definitions.getOrDefault(imp.module(), Map.of()).get(imp.name());
            if (value == null) {
                throw new LinkException(
                        module.name()
                                + ": unknown import: `"
                                + imp.module()
                                + "`.`"
                                + imp.name()
                                + "` ("
                                + imp.importType().name().toLowerCase(java.util.Locale.ROOT)
                                + ") is not defined");
            }
            // instanceof, not a pattern switch: its invokedynamic bootstrap generates a class on
            // first use, a few milliseconds of every run's start-up
            if (value instanceof ImportFunction f) {
                builder.addFunction(f);
            } else if (value instanceof ImportMemory m) {
                builder.addMemory(m);
            } else if (value instanceof ImportTable t) {
                builder.addTable(t);
            } else if (value instanceof ImportGlobal g) {
                builder.addGlobal(g);
            } else if (value instanceof ImportTag t) {
                builder.addTag(t);
            } else {
                throw new IllegalStateException("unknown import value " + value);
            }
        }
        return builder.build();
    }

    private static ImportValue asImport(String module, Export export, Instance instance) {
        String name = export.name();
        int index = export.index();
        return switch (export.exportType()) {
            case FUNCTION -> ImportFunction.exportAsImport(module, name, instance, name);
            case MEMORY -> new ImportMemory(module, name, instance.memory(index));
            case TABLE -> new ImportTable(module, name, instance.table(index));
            case GLOBAL -> new ImportGlobal(module, name, instance.global(index));
            case TAG -> new ImportTag(module, name, instance.tag(index));
        };
    }
}
