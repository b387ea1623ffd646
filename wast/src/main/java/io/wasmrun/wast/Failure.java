package io.wasmrun.wast;

/**
 * A command that did not do what the script asserts, or a script that could not run at all
 * ({@code line} 0, command {@code script}).
 *
 * @param line the command's line in the {@code .wast} file, 0 for the whole script
 * @param command the command, e.g. {@code assert_return}
 * @param message what was expected and what happened
 */
public record Failure(int line, String command, String message) {
    /** A failure of the whole script. */
    public static Failure ofScript(String message) {
        return new Failure(0, "script", message);
    }

    /** Whether the whole script failed rather than one command. */
    public boolean isScriptFailure() {
        return line == 0;
    }
}
