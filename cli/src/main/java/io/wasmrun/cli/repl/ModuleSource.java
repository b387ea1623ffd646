package io.wasmrun.cli.repl;

import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.runtime.WasmrunException;
import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a REPL module comes from, so that {@code :reload} can read it again. */
interface ModuleSource {

    /** Reads and validates the module into {@code runtime}; {@code name} labels inline modules. */
    LoadedModule load(WasmRuntime runtime, String name);

    /** For listings, e.g. the file path. */
    String describe();

    /** A module file: a binary module, or a text module when its name ends in {@code .wat}. */
    record File(Path path) implements ModuleSource {
        @Override
        public LoadedModule load(WasmRuntime runtime, String name) {
            if (!path.toString().endsWith(".wat") || !Files.isRegularFile(path)) {
                return runtime.load(path);
            }
            String fileName = String.valueOf(path.getFileName());
            try {
                return runtime.load(fileName, encode(Files.readString(path), fileName));
            } catch (IOException e) {
                throw new WasmrunException(path + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A text module typed into the REPL with {@code :define}. */
    record Inline(String text) implements ModuleSource {
        @Override
        public LoadedModule load(WasmRuntime runtime, String name) {
            return runtime.load(name, encode(text, name));
        }

        @Override
        public String describe() {
            return "inline text";
        }
    }

    /** Encodes a text module, reporting syntax errors as {@code file:line:column: reason}. */
    private static byte[] encode(String text, String fileName) {
        try {
            return Wat.toBinary(text, fileName);
        } catch (TextFormatException e) {
            throw new WasmrunException(e.getMessage(), e);
        }
    }
}
