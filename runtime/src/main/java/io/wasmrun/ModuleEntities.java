package io.wasmrun;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;

/**
 * The types of a module's memories, tables, globals and tags by index: imported ones first, in
 * import order, then the module's own, as the spec numbers them.
 */
final class ModuleEntities {
    private ModuleEntities() {}

    static ExternType type(WasmModule wasm, ExternalType kind, int index) {
        Import imported = nthImport(wasm, kind, index);
        if (imported != null) {
            return ChicoryTypes.importType(wasm, imported);
        }
        int own = index - wasm.importSection().count(kind);
        return switch (kind) {
            case MEMORY -> ChicoryTypes.memoryType(wasm.memorySection().orElseThrow().getMemory(own).limits());
            case TABLE -> {
                var table = wasm.tableSection().getTable(own);
                yield ChicoryTypes.tableType(table.elementType(), table.limits());
            }
            case GLOBAL -> {
                var global = wasm.globalSection().getGlobal(own);
                yield ChicoryTypes.globalType(global.valueType(), global.mutabilityType());
            }
            case TAG -> new TagType(
                    ChicoryTypes.funcType(wasm.typeSection().getType(wasm.tagSection().orElseThrow().getTag(own).typeIdx())));
            case FUNCTION -> throw new IllegalArgumentException("function types come from Signatures");
        };
    }

    /** The {@code index}-th import of {@code kind}, or null when {@code index} is a definition. */
    private static Import nthImport(WasmModule wasm, ExternalType kind, int index) {
        var imports = wasm.importSection();
        int seen = 0;
        for (int i = 0; i < imports.importCount(); i++) {
            Import imp = imports.getImport(i);
            if (imp.importType() == kind && seen++ == index) {
                return imp;
            }
        }
        return null;
    }
}
