package io.wasmrun.wast;

import java.nio.file.Path;
import java.util.List;

/**
 * A script ready to run: its commands, whose modules are in memory or in files.
 *
 * @param source the {@code .wast} file
 * @param commands the commands in script order
 */
public record WastScript(Path source, List<Command> commands) {
    public WastScript {
        commands = List.copyOf(commands);
    }
}
