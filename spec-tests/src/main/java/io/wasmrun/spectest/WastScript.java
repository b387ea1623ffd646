package io.wasmrun.spectest;

import java.nio.file.Path;
import java.util.List;

/**
 * A converted wast script: its commands, and the folder that holds the module files they name.
 *
 * @param source the {@code .wast} file
 * @param moduleDirectory where the {@code .wasm} and {@code .wat} files of the commands are
 * @param commands the commands in script order
 */
public record WastScript(Path source, Path moduleDirectory, List<Command> commands) {
    public WastScript {
        commands = List.copyOf(commands);
    }

    /** The path of a module file named by a command. */
    public Path module(String filename) {
        return moduleDirectory.resolve(filename);
    }
}
