package io.wasmrun.cli.repl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the REPL keeps its input history: the system property {@value #PROPERTY}, else the
 * environment variable {@value #ENV}, else {@code ~/.wasmrun_history}. An empty value turns the
 * history file off.
 */
public final class HistoryFile {
    /** The system property that overrides the history file. */
    public static final String PROPERTY = "wasmrun.history";
    /** The environment variable that overrides the history file. */
    public static final String ENV = "WASMRUN_HISTORY";

    private HistoryFile() {}

    /** The history file for this process. */
    public static Optional<Path> locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static Optional<Path> locate(String property, Map<String, String> env, String home) {
        String chosen = property != null ? property : env.get(ENV);
        if (chosen != null) {
            return chosen.isBlank() ? Optional.empty() : Optional.of(Path.of(chosen));
        }
        return home == null ? Optional.empty() : Optional.of(Path.of(home, ".wasmrun_history"));
    }
}
