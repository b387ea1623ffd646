package io.wasmrun;

/** A module's imports cannot be satisfied, e.g. {@code unknown import: env.foo (function)}. */
public final class LinkException extends WasmrunException {
    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
