package io.wasmrun.wast;

import io.wasmrun.text.wast.WastScript;
import java.nio.file.Path;
import java.util.List;

/** Turns a {@code .wast} file into a {@link WastScript} the runner executes. */
public interface ScriptConverter {
    /** The converter names {@link #named} accepts; the first is the default. */
    List<String> NAMES = List.of("native", "wast2json");

    /**
     * Reads {@code wast}.
     *
     * @throws ScriptException when the file is missing or cannot be read as a script
     */
    WastScript convert(Path wast);

    /** What converts, for reports, e.g. {@code wasmrun text parser} or {@code wast2json 1.0.32}. */
    String describe();

    /**
     * The converter called {@code name}: {@code native} (wasmrun's own text parser) or {@code
     * wast2json} (wabt's tool, run as {@code wast2json} and cached in {@code cache}).
     *
     * @throws IllegalArgumentException for another name
     */
    static ScriptConverter named(String name, String wast2json, Path cache) {
        return switch (name) {
            case "native" -> new NativeParser();
            case "wast2json" -> new Wast2Json(wast2json, cache);
            default -> throw new IllegalArgumentException("unknown converter `" + name + "` (expected one of " + NAMES + ")");
        };
    }
}
