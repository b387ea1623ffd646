package io.wasmrun.wast;

import io.wasmrun.ModuleLoadException;
import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.wast.WastModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a script command's module comes from: a file wast2json wrote, or a parsed module. */
public sealed interface ScriptModule {

    /** A name for messages, e.g. {@code i32.0.wasm} or {@code i32.wast:12}. */
    String label();

    /**
     * The module's bytes, binary or text format.
     *
     * @throws ModuleLoadException of kind {@code MALFORMED} for text the parser rejects
     * @throws ScriptException when a module file cannot be read
     */
    byte[] bytes();

    /** A {@code .wasm} (or, for quoted text, {@code .wat}) file next to wast2json's JSON. */
    record File(Path path) implements ScriptModule {
        @Override
        public String label() {
            return path.getFileName().toString();
        }

        @Override
        public byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new ScriptException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** A module read by wasmrun's own script parser; quoted text is encoded on first use. */
    record Parsed(String label, WastModule module) implements ScriptModule {
        @Override
        public byte[] bytes() {
            try {
                return module.toBinary();
            } catch (TextFormatException e) {
                throw ModuleLoadException.at(
                        ModuleLoadException.Kind.MALFORMED, label, e.line(), e.column(), e.reason(), e);
            }
        }
    }
}
