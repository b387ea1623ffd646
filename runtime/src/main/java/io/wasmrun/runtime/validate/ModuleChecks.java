package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * wasmrun's own decoding and validation checks, for what Chicory 1.7.5's parser accepts although
 * the spec rejects it (each found by {@code scripts/fuzz --mutate binary}): names that are not
 * UTF-8, bodies that end inside a block, indices past their space in exports and element
 * segments, {@code table.size} of an unknown table, {@code ref.func} of an undeclared function.
 * They run once, after Chicory's parser accepted the bytes, and read each body once; a
 * compile-cache hit skips them as it skips Chicory's validation, since the cache holds only
 * modules that passed both.
 */
public final class ModuleChecks {
    private ModuleChecks() {}

    /**
     * Checks {@code module}, decoded and validated by Chicory from {@code binary}.
     *
     * @throws MalformedException for what the spec calls malformed (before anything invalid)
     * @throws InvalidException for what it calls invalid
     */
    public static void check(byte[] binary, WasmModule module) {
        NameScanner.check(binary);
        var spaces = IndexSpaces.of(module);
        var references = References.of(module, spaces);
        String bodies = BodyChecks.check(module, spaces, references.declared());
        String problem = references.problem() != null ? references.problem() : bodies;
        if (problem != null) {
            throw new InvalidException(problem);
        }
    }
}
