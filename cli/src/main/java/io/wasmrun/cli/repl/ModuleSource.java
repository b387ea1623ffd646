package io.wasmrun.cli.repl;

import io.wasmrun.Engine;
import io.wasmrun.Module;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a REPL module comes from, so that {@code :reload} can read it again. */
interface ModuleSource {

    /** Reads and validates the module with {@code engine}; {@code name} labels inline modules. */
    Module load(Engine engine, String name);

    /** For listings, e.g. the file path. */
    String describe();

    /** A module file, binary or text format. */
    record File(Path path) implements ModuleSource {
        @Override
        public Module load(Engine engine, String name) {
            return Module.fromFile(engine, path);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A text-format module typed into the REPL with {@code :define}. */
    record Inline(String text) implements ModuleSource {
        @Override
        public Module load(Engine engine, String name) {
            return Module.fromBytes(engine, name, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "inline text";
        }
    }
}
