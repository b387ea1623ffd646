package io.wasmrun.spectest.wasi;

import java.util.List;

/** The counts of a run and its final line: {@code N passed, M failed} and {@code , K skipped} when some were. */
record Summary(int passed, int failed, int skipped) {

    static Summary of(List<TestResult> results) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (TestResult result : results) {
            switch (result.outcome()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new Summary(passed, failed, skipped);
    }

    String line() {
        return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
