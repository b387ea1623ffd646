package io.wasmrun.spectest.wasi;

/** A test's JSON specification cannot be read or breaks the specification's rules. */
final class SpecException extends Exception {
    SpecException(String message) {
        super(message);
    }
}
