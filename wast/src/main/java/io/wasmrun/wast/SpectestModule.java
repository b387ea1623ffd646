package io.wasmrun.wast;

import java.nio.charset.StandardCharsets;

/**
 * The {@code spectest} module that the reference interpreter provides to every script, in the
 * text format: a funcref table of 10 to 20 elements, a memory of 1 to 2 pages, the immutable
 * globals {@code global_i32} and {@code global_i64} (666) and {@code global_f32} and {@code
 * global_f64} (666.6), all exported under those names; and, separately, a shared memory of 1 to 2
 * pages exported as {@code shared_memory} (threads proposal). Being real modules, their memories
 * and tables come from the engine's instance allocator like any other.
 */
final class SpectestModule {
    private static final String MAIN = """
            (module
              (table (export "table") 10 20 funcref)
              (memory (export "memory") 1 2)
              (global (export "global_i32") i32 (i32.const 666))
              (global (export "global_i64") i64 (i64.const 666))
              (global (export "global_f32") f32 (f32.const 666.6))
              (global (export "global_f64") f64 (f64.const 666.6)))
            """;
    private static final String SHARED_MEMORY = """
            (module (memory (export "shared_memory") 1 2 shared))
            """;

    private SpectestModule() {}

    /** The table, memory and globals. */
    static byte[] main() {
        return MAIN.getBytes(StandardCharsets.UTF_8);
    }

    /** The shared memory alone. */
    static byte[] sharedMemory() {
        return SHARED_MEMORY.getBytes(StandardCharsets.UTF_8);
    }
}
