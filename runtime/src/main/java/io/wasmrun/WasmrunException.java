package io.wasmrun;

/**
 * Base of every error wasmrun reports to a user: its message is a complete, one-line
 * explanation, so front ends print it as is (and the stack trace only when asked).
 */
public class WasmrunException extends RuntimeException {
    public WasmrunException(String message) {
        super(message);
    }

    public WasmrunException(String message, Throwable cause) {
        super(message, cause);
    }
}
