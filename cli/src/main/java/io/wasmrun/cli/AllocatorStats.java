package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.allocator.config.PoolingMetrics;
import java.io.PrintStream;

/** Prints an engine's allocator counters ({@code --stats}, {@code wasmrun bench}). */
final class AllocatorStats {
    private AllocatorStats() {}

    /** {@code pooling} or {@code on-demand}. */
    static String name(Engine engine) {
        return engine.poolingMetrics().isPresent() ? "pooling" : "on-demand";
    }

    static void print(Engine engine, PrintStream out) {
        out.println("allocator: " + name(engine));
        String text = engine.poolingMetrics().map(PoolingMetrics::describe).orElseGet(() -> engine.metrics().describe());
        for (String line : text.split("\\R")) {
            out.println("  " + line);
        }
    }
}
