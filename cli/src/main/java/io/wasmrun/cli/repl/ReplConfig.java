package io.wasmrun.cli.repl;

import io.wasmrun.Strategy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a REPL session starts.
 *
 * @param engine the engine for modules loaded before the first {@code :set engine}
 * @param allocators creates the allocators that {@code :set allocator} switches to
 * @param workingDirectory where relative module paths and path completion start
 * @param history the file that keeps the input history between sessions, if any
 * @param interactive whether a person types: prompts and hints are shown only then
 * @param verbose whether internal errors print their stack trace
 */
public record ReplConfig(
        Strategy engine,
        AllocatorFactory allocators,
        Path workingDirectory,
        Optional<Path> history,
        boolean interactive,
        boolean verbose) {

    public ReplConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(allocators, "allocators");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(history, "history");
    }
}
