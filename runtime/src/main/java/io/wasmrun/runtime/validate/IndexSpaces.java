package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.TagSection;
import java.util.Optional;

/**
 * How many functions, tables, memories, globals and tags a module has, imported and defined: the
 * bounds every index into those spaces is checked against. Counted in one loop over the imports,
 * without streams or lambdas, which would cost milliseconds of bootstrapping in a fresh JVM.
 */
record IndexSpaces(int functions, int tables, int memories, int globals, int tags) {
    static IndexSpaces of(WasmModule module) {
        int[] imported = new int[ExternalType.values().length];
        var imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            imported[imports.getImport(i).importType().ordinal()]++;
        }
        Optional<MemorySection> memories = module.memorySection();
        Optional<TagSection> tags = module.tagSection();
        return new IndexSpaces(
                imported[ExternalType.FUNCTION.ordinal()] + module.functionSection().functionCount(),
                imported[ExternalType.TABLE.ordinal()] + module.tableSection().tableCount(),
                imported[ExternalType.MEMORY.ordinal()] + (memories.isPresent() ? memories.get().memoryCount() : 0),
                imported[ExternalType.GLOBAL.ordinal()] + module.globalSection().globalCount(),
                imported[ExternalType.TAG.ordinal()] + (tags.isPresent() ? tags.get().tagCount() : 0));
    }

    /** The size of the space an export of {@code type} indexes. */
    int size(ExternalType type) {
        return switch (type) {
            case FUNCTION -> functions;
            case TABLE -> tables;
            case MEMORY -> memories;
            case GLOBAL -> globals;
            case TAG -> tags;
        };
    }
}
