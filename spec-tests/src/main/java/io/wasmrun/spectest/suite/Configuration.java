package io.wasmrun.spectest.suite;

import io.wasmrun.Strategy;

/**
 * One cell of the matrix: an instance allocator and an engine.
 *
 * @param allocator the allocator's name, e.g. {@code on-demand}
 * @param engine the engine
 */
record Configuration(String allocator, Strategy engine) {

    /** {@code allocator/engine}, e.g. {@code on-demand/compiler}. */
    String label() {
        return allocator + "/" + engine.cliName();
    }

    @Override
    public String toString() {
        return label();
    }
}
