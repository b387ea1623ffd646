package io.wasmrun.wast;

import io.wasmrun.WasmrunException;

/**
 * A whole script cannot be run: the file is missing, the text parser or wast2json rejects it, or
 * wast2json's JSON holds a command this runner does not know. The message is one line that names
 * the file.
 */
public final class ScriptException extends WasmrunException {
    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
