package io.wasmrun.allocator;

import com.dylibso.chicory.wasm.WasmModule;
import java.util.Objects;

/**
 * A parsed, validated module as an allocator sees it: enough to check limits and to build
 * per-module resources such as a memory image.
 *
 * @param id the module's identity for caches
 * @param name a display name for messages, usually the file name
 * @param module the parsed module
 */
public record ModuleInfo(ModuleId id, String name, WasmModule module) {
    public ModuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
    }
}
