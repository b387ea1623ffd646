package io.wasmrun;

import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.Signatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A decoded and validated module, binary or text format, ready to be instantiated any number of
 * times in any {@link Store} of its {@link Engine}. With the compiler the module is translated to
 * JVM bytecode once, on its first instantiation (or found in the compile cache).
 */
public final class Module {
    private final Engine engine;
    private final LoadedModule loaded;
    /** Computed on first use and kept: instantiation reads them every time. */
    private volatile List<ImportType> imports;
    private volatile List<ExportType> exports;
    private final Map<Integer, FuncType> functionTypes = new ConcurrentHashMap<>();

    private Module(Engine engine, LoadedModule loaded) {
        this.engine = engine;
        this.loaded = loaded;
    }

    /**
     * Reads, decodes and validates {@code path}.
     *
     * @throws ModuleLoadException with a one-line message naming the file and the problem
     */
    public static Module fromFile(Engine engine, Path path) {
        return new Module(engine, engine.runtime().load(path));
    }

    /**
     * Decodes and validates {@code bytes} (binary or text format); {@code name} labels the module
     * in messages and backtraces.
     *
     * @throws ModuleLoadException with a one-line message naming the module and the problem
     */
    public static Module fromBytes(Engine engine, String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        return new Module(engine, engine.runtime().load(name, bytes.clone()));
    }

    /** Checks {@code bytes} without keeping the module; throws what {@link #fromBytes} would. */
    public static void validate(Engine engine, byte[] bytes) {
        fromBytes(engine, "module", bytes);
    }

    public Engine engine() {
        return engine;
    }

    /** The label given when loading, usually the file name. */
    public String name() {
        return loaded.name();
    }

    /**
     * What the module imports, in import order.
     *
     * @throws ModuleLoadException of kind {@code INVALID} when an import names an unknown type
     *     (checked here and on instantiation, not when loading)
     */
    public List<ImportType> imports() {
        List<ImportType> known = imports;
        if (known == null) {
            known = readImports();
            imports = known;
        }
        return known;
    }

    private List<ImportType> readImports() {
        WasmModule wasm = loaded.declared();
        var imports = wasm.importSection();
        var result = new ArrayList<ImportType>(imports.importCount());
        try {
            for (int i = 0; i < imports.importCount(); i++) {
                var imp = imports.getImport(i);
                result.add(new ImportType(imp.module(), imp.name(), ChicoryTypes.importType(wasm, imp)));
            }
        } catch (InvalidException e) {
            throw invalid(e);
        }
        return List.copyOf(result);
    }

    /**
     * What the module exports, in export order.
     *
     * @throws ModuleLoadException of kind {@code INVALID} when an export names an unknown type
     */
    public List<ExportType> exports() {
        List<ExportType> known = exports;
        if (known == null) {
            known = readExports();
            exports = known;
        }
        return known;
    }

    /**
     * The type of the exported function {@code name}, before any instance exists (to check a
     * call's arguments first, say).
     *
     * @throws WasmrunException naming the module and listing its exported functions when there is
     *     no such function, as {@link Instance#requireFunc} does
     */
    public FuncType requireFuncType(String name) {
        return ChicoryTypes.funcType(loaded.requireExportedFunction(name));
    }

    /** The type of function {@code index} (imports first), converted once. */
    FuncType functionType(int index, FunctionType chicory) {
        return functionTypes.computeIfAbsent(index, i -> ChicoryTypes.funcType(chicory));
    }

    private List<ExportType> readExports() {
        WasmModule wasm = loaded.declared();
        var exports = wasm.exportSection();
        var result = new ArrayList<ExportType>(exports.exportCount());
        try {
            for (int i = 0; i < exports.exportCount(); i++) {
                Export export = exports.getExport(i);
                result.add(new ExportType(export.name(), exportType(wasm, export)));
            }
        } catch (InvalidException e) {
            throw invalid(e);
        }
        return List.copyOf(result);
    }

    /**
     * The index of export {@code name} in the index space of what it exports (functions, tables,
     * memories, globals or tags; imports first), as the text format numbers them; empty when the
     * module has no such export.
     */
    public OptionalInt exportIndex(String name) {
        return Signatures.export(loaded.declared(), name).map(e -> OptionalInt.of(e.index())).orElse(OptionalInt.empty());
    }

    private ModuleLoadException invalid(InvalidException e) {
        return new ModuleLoadException(ModuleLoadException.Kind.INVALID, name(), e.getMessage(), e);
    }

    private static ExternType exportType(WasmModule wasm, Export export) {
        int index = export.index();
        if (export.exportType() == ExternalType.FUNCTION) {
            return ChicoryTypes.funcType(Signatures.functionType(wasm, index));
        }
        return ModuleEntities.type(wasm, export.exportType(), index);
    }

    /**
     * With the compiler engine, translates the module to JVM classes now (or loads them from the
     * compile cache) and waits for it, whatever the module's size, rather than on its first
     * instantiation; the interpreter has nothing to do.
     */
    public void compile() {
        loaded.compile();
    }

    /**
     * Drops what the engine's allocator keeps for this module between instantiations (the pooling
     * allocator's copy-on-write memory images and slot affinity), for hosts that load many
     * modules once. Call it when the module's instances are closed; instantiating the module
     * again afterwards rebuilds what it needs.
     */
    public void unload() {
        engine.runtime().unload(loaded);
    }

    LoadedModule loaded() {
        return loaded;
    }

    @Override
    public String toString() {
        return "Module[" + name() + "]";
    }
}
