package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.allocator.config.PoolingMetrics;
import java.io.PrintStream;

/** Prints an engine's allocator counters ({@code --stats}, {@code wasmrun bench}). */
final class AllocatorStats {
    private AllocatorStats() {}

    static void print(Engine engine, PrintStream out) {
        var pooling = engine.poolingMetrics();
        out.println("allocator: " + (pooling.isPresent() ? "pooling" : "on-demand"));
        String text = pooling.map(PoolingMetrics::describe).orElseGet(() -> engine.metrics().describe());
        for (String line : text.split("\\R")) {
            out.println("  " + line);
        }
    }
}
