package io.wasmrun.runtime.values;

/** A typed argument could not be read as a value of its wasm type. */
public final class ValueSyntaxException extends IllegalArgumentException {
    public ValueSyntaxException(String message) {
        super(message);
    }
}
