package io.wasmrun.spectest.suite;

import java.util.ArrayList;
import java.util.List;

/** Everything one configuration produced, or why it could not run. */
final class ConfigurationRun {
    private final Configuration configuration;
    private final String unavailable;
    private final List<FileOutcome> files = new ArrayList<>();

    private ConfigurationRun(Configuration configuration, String unavailable) {
        this.configuration = configuration;
        this.unavailable = unavailable;
    }

    static ConfigurationRun available(Configuration configuration) {
        return new ConfigurationRun(configuration, null);
    }

    static ConfigurationRun unavailable(Configuration configuration, String reason) {
        return new ConfigurationRun(configuration, reason);
    }

    Configuration configuration() {
        return configuration;
    }

    boolean isAvailable() {
        return unavailable == null;
    }

    /** Why the configuration did not run, or null. */
    String unavailableReason() {
        return unavailable;
    }

    void add(FileOutcome outcome) {
        files.add(outcome);
    }

    List<FileOutcome> files() {
        return files;
    }

    int passed() {
        return files.stream().mapToInt(f -> f.result().passed()).sum();
    }

    int failed() {
        return files.stream().mapToInt(f -> f.unexpected().size()).sum();
    }

    int known() {
        return files.stream().mapToInt(f -> f.known().size()).sum();
    }

    int skipped() {
        return files.stream().mapToInt(FileOutcome::skipped).sum();
    }
}
