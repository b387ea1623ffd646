package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Module names derived from file names must be usable as {@code MODULE.FUNC} qualifiers. */
class ModuleNamesTest {

    @Test
    void dropsTheExtensionAndReplacesDots() {
        assertEquals("fib", ModuleRegistry.nameFor("fib.wasm"));
        assertEquals("fib-2", ModuleRegistry.nameFor("fib-2.wasm"));
        assertEquals("my_lib_v1", ModuleRegistry.nameFor("my.lib v1.wasm"));
        assertEquals("_2048", ModuleRegistry.nameFor("2048.wasm"));
        assertEquals("module", ModuleRegistry.nameFor("module"));
    }
}
