package io.wasmrun.cli.repl;

import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a REPL module comes from, so that {@code :reload} can read it again. */
interface ModuleSource {

    /** Reads and validates the module into {@code runtime}; {@code name} labels inline modules. */
    LoadedModule load(WasmRuntime runtime, String name);

    /** For listings, e.g. the file path. */
    String describe();

    /** A module file, binary or text format. */
    record File(Path path) implements ModuleSource {
        @Override
        public LoadedModule load(WasmRuntime runtime, String name) {
            return runtime.load(path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A text-format module typed into the REPL with {@code :define}. */
    record Inline(String text) implements ModuleSource {
        @Override
        public LoadedModule load(WasmRuntime runtime, String name) {
            return runtime.load(name, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "inline text";
        }
    }
}
