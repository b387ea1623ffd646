package io.wasmrun.cli.repl;

import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.Signatures;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A module loaded in the REPL: its name (the import module name later modules link to), where it
 * came from, the runtime it was loaded with and its live instance.
 */
record ReplModule(String name, ModuleSource source, WasmRuntime runtime, WasmInstance instance) {

    LoadedModule loaded() {
        return instance.module();
    }

    /** The names of the exports of {@code type}, in export order. */
    List<String> exports(ExternalType type) {
        var section = loaded().wasm().exportSection();
        return IntStream.range(0, section.exportCount())
                .mapToObj(section::getExport)
                .filter(e -> e.exportType() == type)
                .map(e -> e.name())
                .toList();
    }

    boolean exports(String name, ExternalType type) {
        return Signatures.export(loaded().wasm(), name)
                .filter(e -> e.exportType() == type)
                .isPresent();
    }

    Optional<FunctionType> functionType(String name) {
        return loaded().exportedFunctionType(name);
    }

    /** Whether this module imports anything from a module named in {@code names}. */
    boolean importsFromAny(Set<String> names) {
        var imports = loaded().wasm().importSection();
        return IntStream.range(0, imports.importCount())
                .anyMatch(i -> names.contains(imports.getImport(i).module()));
    }
}
