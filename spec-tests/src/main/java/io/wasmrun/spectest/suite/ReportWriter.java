package io.wasmrun.spectest.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wasmrun.wast.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a suite run as a markdown table per configuration and as JSON with every failure. */
final class ReportWriter {
    private final String suiteName;
    private final Path suite;
    private final String converter;
    private final List<ConfigurationRun> runs;
    private final List<String> unneeded;

    ReportWriter(String suiteName, Path suite, String converter, List<ConfigurationRun> runs, List<String> unneeded) {
        this.suiteName = suiteName;
        this.suite = suite;
        this.converter = converter;
        this.runs = runs;
        this.unneeded = unneeded;
    }

    /** Writes {@code NAME.md} and {@code NAME.json} into {@code dir}; returns the markdown file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve(suiteName + ".md");
        Files.writeString(markdown, markdown());
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(dir.resolve(suiteName + ".json").toFile(), json());
        return markdown;
    }

    String markdown() {
        var md = new StringBuilder();
        md.append("# Spec suite: ").append(suiteName).append("\n\n");
        md.append("Suite folder `").append(suite).append("`, scripts read by ").append(converter).append(".\n");
        md.append("Failed counts failures not listed in the expectations file; listed ones are counted as known.\n\n");
        md.append("| configuration | passed | failed | known failures | skipped | time |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (ConfigurationRun run : runs) {
            md.append("| ").append(run.configuration().label()).append(" | ");
            if (!run.isAvailable()) {
                md.append("not available: ").append(run.unavailableReason()).append(" | | | | |\n");
                continue;
            }
            double seconds = run.files().stream().mapToDouble(f -> f.result().elapsed().toNanos() / 1e9).sum();
            md.append(run.passed()).append(" | ").append(run.failed()).append(" | ").append(run.known()).append(" | ")
                    .append(run.files().stream().mapToInt(f -> f.result().skipped()).sum())
                    .append(String.format(" | %.1f s |%n", seconds));
        }
        if (!unneeded.isEmpty()) {
            md.append("\n## Expectations that no longer match a failure\n\n");
            for (String entry : unneeded) {
                md.append("- ").append(cell(entry)).append('\n');
            }
        }
        for (ConfigurationRun run : runs) {
            if (run.isAvailable()) {
                configuration(md, run);
            }
        }
        return md.toString();
    }

    private static void configuration(StringBuilder md, ConfigurationRun run) {
        md.append("\n## ").append(run.configuration().label()).append("\n\n");
        md.append("| file | passed | failed | known failures | skipped | notes |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (FileOutcome file : run.files()) {
            md.append("| ").append(file.file()).append(" | ").append(file.result().passed()).append(" | ")
                    .append(file.unexpected().size()).append(" | ").append(file.known().size()).append(" | ")
                    .append(file.result().skipped()).append(" | ").append(cell(notes(file))).append(" |\n");
        }
        List<String> failures = new ArrayList<>();
        for (FileOutcome file : run.files()) {
            for (Failure failure : file.unexpected()) {
                failures.add("- " + cell(file.result().describe(failure)));
            }
        }
        if (!failures.isEmpty()) {
            md.append("\n### Unexpected failures (").append(failures.size()).append(")\n\n");
            failures.forEach(line -> md.append(line).append('\n'));
        }
    }

    private static String notes(FileOutcome file) {
        List<String> notes = new ArrayList<>();
        Map<String, Integer> known = new TreeMap<>();
        file.known().forEach(k -> known.merge(k.reason(), 1, Integer::sum));
        known.forEach((reason, count) -> notes.add(count + " known: " + reason));
        file.result().skipReasons().forEach((reason, count) -> notes.add(count + " skipped: " + reason));
        if (!file.unexpected().isEmpty()) {
            Failure first = file.unexpected().getFirst();
            notes.add("first failure: " + (first.isScriptFailure() ? "" : "line " + first.line() + ": ") + first.message());
        }
        return String.join("; ", notes);
    }

    private static String cell(String text) {
        String oneLine = text.replace('\n', ' ').replace("|", "\\|");
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("suite", suiteName);
        root.put("folder", suite.toString());
        root.put("converter", converter);
        List<Object> configurations = new ArrayList<>();
        for (ConfigurationRun run : runs) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("configuration", run.configuration().label());
            c.put("available", run.isAvailable());
            if (!run.isAvailable()) {
                c.put("reason", run.unavailableReason());
            } else {
                c.put("passed", run.passed());
                c.put("failed", run.failed());
                c.put("known", run.known());
                c.put("skipped", run.files().stream().mapToInt(f -> f.result().skipped()).sum());
                List<Object> files = new ArrayList<>();
                run.files().forEach(file -> files.add(file(file)));
                c.put("files", files);
            }
            configurations.add(c);
        }
        root.put("configurations", configurations);
        root.put("unneededExpectations", unneeded);
        return root;
    }

    private static Map<String, Object> file(FileOutcome file) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", file.file());
        f.put("passed", file.result().passed());
        f.put("failed", file.unexpected().size());
        f.put("known", file.known().size());
        f.put("skipped", file.result().skipped());
        f.put("seconds", file.result().elapsed().toMillis() / 1000.0);
        f.put("failures", file.unexpected().stream().map(ReportWriter::failure).toList());
        f.put("knownFailures", file.known().stream().map(k -> {
            Map<String, Object> m = failure(k.failure());
            m.put("reason", k.reason());
            return m;
        }).toList());
        Map<String, Object> skips = new LinkedHashMap<>(file.result().skipReasons());
        f.put("skips", skips);
        return f;
    }

    private static Map<String, Object> failure(Failure failure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", failure.line());
        m.put("command", failure.command());
        m.put("message", failure.message());
        return m;
    }
}
