package io.wasmrun.spectest.wasi;

import java.time.Duration;
import java.util.List;

/**
 * How one test ended.
 *
 * @param name the test's name
 * @param outcome passed, failed or skipped
 * @param message for a failure, what differed (one line); for a skip, why; else empty
 * @param command the last command line run, empty if none ran
 * @param stdout the test process's standard output (universal newlines), empty if none ran
 * @param stderr its standard error
 * @param elapsed the test's wall time
 */
record TestResult(
        String name, Outcome outcome, String message, List<String> command, String stdout, String stderr, Duration elapsed) {

    enum Outcome {
        PASSED,
        FAILED,
        SKIPPED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    TestResult {
        command = List.copyOf(command);
    }

    static TestResult skipped(String name, String reason) {
        return new TestResult(name, Outcome.SKIPPED, reason, List.of(), "", "", Duration.ZERO);
    }

    static TestResult failed(String name, String reason) {
        return new TestResult(name, Outcome.FAILED, reason, List.of(), "", "", Duration.ZERO);
    }
}
