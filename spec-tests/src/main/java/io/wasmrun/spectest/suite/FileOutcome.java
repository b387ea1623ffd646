package io.wasmrun.spectest.suite;

import io.wasmrun.wast.Failure;
import io.wasmrun.wast.ScriptResult;
import java.util.List;

/**
 * One script's result under one configuration, its failures split by the expectations.
 *
 * @param file the script's path relative to the suite folder
 * @param result what the runner reported
 * @param unexpected failures that no expectation lists
 * @param known failures that an expectation lists, with its reason
 */
record FileOutcome(String file, ScriptResult result, List<Failure> unexpected, List<Known> known) {
    FileOutcome {
        unexpected = List.copyOf(unexpected);
        known = List.copyOf(known);
    }

    /** A listed failure and the reason the expectations file gives. */
    record Known(Failure failure, String reason) {}

    static FileOutcome classify(Configuration configuration, String file, ScriptResult result, Expectations expectations) {
        expectations.ran(configuration, file);
        List<Failure> unexpected = new java.util.ArrayList<>();
        List<Known> known = new java.util.ArrayList<>();
        for (Failure failure : result.failures()) {
            expectations
                    .expecting(configuration, file, failure)
                    .ifPresentOrElse(e -> known.add(new Known(failure, e.reason)), () -> unexpected.add(failure));
        }
        return new FileOutcome(file, result, unexpected, known);
    }

    /** Skipped commands plus known failures: what the summary counts as skipped. */
    int skipped() {
        return result.skipped() + known.size();
    }
}
