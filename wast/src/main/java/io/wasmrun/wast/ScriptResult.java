package io.wasmrun.wast;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one script: how many commands passed, which failed and which were skipped.
 *
 * @param file the {@code .wast} file
 * @param passed the number of commands that did what the script asserts
 * @param failures the failed commands, in script order
 * @param skips the commands that were not run, in script order
 * @param elapsed how long the script took, conversion included
 */
public record ScriptResult(Path file, int passed, List<Failure> failures, List<Skip> skips, Duration elapsed) {
    public ScriptResult {
        failures = List.copyOf(failures);
        skips = List.copyOf(skips);
    }

    /** A script that could not run at all. */
    public static ScriptResult ofError(Path file, String message, Duration elapsed) {
        return new ScriptResult(file, 0, List.of(Failure.ofScript(message)), List.of(), elapsed);
    }

    public int failed() {
        return failures.size();
    }

    public int skipped() {
        return skips.size();
    }

    /** How many commands were skipped for each reason, by reason. */
    public Map<String, Integer> skipReasons() {
        Map<String, Integer> reasons = new TreeMap<>();
        for (Skip skip : skips) {
            reasons.merge(skip.reason(), 1, Integer::sum);
        }
        return reasons;
    }

    /** One line for a failure: {@code file:line: command: message}, or {@code file: message}. */
    public String describe(Failure failure) {
        if (failure.isScriptFailure()) {
            return failure.message().startsWith(file.toString()) ? failure.message() : file + ": " + failure.message();
        }
        return file + ":" + failure.line() + ": " + failure.command() + ": " + failure.message();
    }
}
