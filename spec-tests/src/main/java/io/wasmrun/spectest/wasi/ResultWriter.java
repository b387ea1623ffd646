package io.wasmrun.spectest.wasi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a run's results as {@code wasi-testsuite.md} (a table) and {@code wasi-testsuite.json} (every test, with output). */
final class ResultWriter {
    static final String NAME = "wasi-testsuite";

    private final Path suite;
    private final List<TestResult> results;

    /** @param results in the order to list them */
    ResultWriter(Path suite, List<TestResult> results) {
        this.suite = suite;
        this.results = List.copyOf(results);
    }

    /** Writes both files into {@code dir}; returns the markdown file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve(NAME + ".md");
        Files.writeString(markdown, markdown());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(NAME + ".json").toFile(), json());
        return markdown;
    }

    String markdown() {
        var md = new StringBuilder("# WASI test suite\n\n");
        md.append("Suite folder `").append(suite).append("`: ").append(Summary.of(results).line()).append(".\n\n");
        md.append("| test | result | time | notes |\n|---|---|---:|---|\n");
        for (TestResult result : results) {
            md.append("| ").append(result.name()).append(" | ").append(result.outcome().label())
                    .append(String.format(" | %.1f s | ", result.elapsed().toMillis() / 1000.0))
                    .append(result.message().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    Map<String, Object> json() {
        Summary summary = Summary.of(results);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suite", suite.toString());
        json.put("passed", summary.passed());
        json.put("failed", summary.failed());
        json.put("skipped", summary.skipped());
        List<Map<String, Object>> tests = new ArrayList<>();
        for (TestResult result : results) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", result.name());
            test.put("outcome", result.outcome().label());
            test.put("message", result.message());
            test.put("seconds", result.elapsed().toMillis() / 1000.0);
            test.put("command", result.command());
            test.put("stdout", result.stdout());
            test.put("stderr", result.stderr());
            tests.add(test);
        }
        json.put("tests", tests);
        return json;
    }
}
