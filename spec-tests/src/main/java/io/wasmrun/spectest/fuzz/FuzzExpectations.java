package io.wasmrun.spectest.fuzz;

import io.wasmrun.spectest.suite.Glob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reviewed list of known divergences, in the style of the spec suite's expectations files.
 * Each line is
 *
 * <pre>
 * SIGNATURE [ALLOCATOR/ENGINE] | REASON
 * </pre>
 *
 * where {@code SIGNATURE} is a glob over divergence signatures
 * ({@code missing-trap:memory-out-of-bounds}, {@code escaped:java.lang.IndexOutOfBoundsException@*})
 * and the configuration defaults to {@code *}{@code /*}. Blank lines and lines starting with
 * {@code #} are ignored. Entries remember whether they matched, so that a run can say which
 * were not seen (fixed, or not reached by the modules of that run).
 */
final class FuzzExpectations {
    private final Path source;
    private final List<Entry> entries;

    private FuzzExpectations(Path source, List<Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    static FuzzExpectations none() {
        return new FuzzExpectations(null, List.of());
    }

    /**
     * Reads an expectations file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    static FuzzExpectations read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(Entry.parse(file, i + 1, line));
        }
        return new FuzzExpectations(file, List.copyOf(entries));
    }

    /** The entry that expects {@code signature} in {@code configuration}, if any. */
    synchronized Optional<Entry> expecting(FuzzConfiguration configuration, String signature) {
        for (Entry entry : entries) {
            if (entry.signature.matches(signature) && entry.configuration.matches(configuration.label())) {
                entry.seen++;
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Entries that matched nothing in this run. */
    synchronized List<Entry> unseen() {
        return entries.stream().filter(e -> e.seen == 0).toList();
    }

    List<Entry> entries() {
        return entries;
    }

    Path source() {
        return source;
    }

    /** One known divergence class. */
    static final class Entry {
        final Path file;
        final int lineNumber;
        final Glob signature;
        final Glob configuration;
        final String reason;
        int seen;

        private Entry(Path file, int lineNumber, Glob signature, Glob configuration, String reason) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.signature = signature;
            this.configuration = configuration;
            this.reason = reason;
        }

        static Entry parse(Path file, int lineNumber, String text) {
            int bar = text.indexOf(" | ");
            String where = bar < 0 ? "" : text.substring(0, bar).strip();
            String reason = bar < 0 ? "" : text.substring(bar + 3).strip();
            String[] parts = where.split("\\s+");
            if (where.isEmpty() || reason.isEmpty() || parts.length > 2) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": expected `SIGNATURE [ALLOCATOR/ENGINE] | REASON`, got `" + text + "`");
            }
            return new Entry(file, lineNumber, Glob.of(parts[0]), Glob.of(parts.length == 2 ? parts[1] : "*/*"), reason);
        }

        /** {@code fuzz.txt:12 (missing-trap:* *}{@code /interpreter)}. */
        String location() {
            return file + ":" + lineNumber + " (" + signature + (configuration.text().equals("*/*") ? "" : " " + configuration) + ")";
        }
    }
}
