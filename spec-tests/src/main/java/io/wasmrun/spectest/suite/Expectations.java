package io.wasmrun.spectest.suite;

import io.wasmrun.wast.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reviewed list of known failures. Each line is
 *
 * <pre>
 * FILE[:LINES] [ALLOCATOR/ENGINE] | REASON
 * </pre>
 *
 * where {@code FILE} is a glob relative to the suite folder ({@code simd_*.wast}), {@code LINES}
 * is a comma-separated list of script lines ({@code 146,166}); an entry without lines covers
 * every failure of the file, including a script that cannot be converted. The configuration
 * defaults to {@code *}{@code /*}. Blank lines and lines starting with {@code #} are ignored.
 * Entries remember which of their lines failed, so that lines that pass again can be reported
 * and removed.
 */
final class Expectations {
    private final List<Path> sources;
    private final List<Entry> entries;

    private Expectations(List<Path> sources, List<Entry> entries) {
        this.sources = sources;
        this.entries = entries;
    }

    /** No expected failures. */
    static Expectations none() {
        return new Expectations(List.of(), List.of());
    }

    /**
     * Reads an expectations file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    static Expectations read(Path file) throws IOException {
        return read(List.of(file));
    }

    /**
     * Reads expectations files; a failure takes the reason of the first entry that expects it.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    static Expectations read(List<Path> files) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                entries.add(Entry.parse(file, i + 1, line));
            }
        }
        return new Expectations(List.copyOf(files), List.copyOf(entries));
    }

    /** Notes that {@code file} ran under {@code configuration}, so matching entries were in play. */
    void ran(Configuration configuration, String file) {
        for (Entry entry : entries) {
            if (entry.covers(configuration, file)) {
                entry.inPlay = true;
            }
        }
    }

    /** The entry that expects {@code failure}, if any. */
    Optional<Entry> expecting(Configuration configuration, String file, Failure failure) {
        for (Entry entry : entries) {
            if (entry.covers(configuration, file) && entry.expects(failure.line())) {
                entry.failedLines.add(failure.line());
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** For entries that were in play: what no longer fails, e.g. {@code lines 146, 166}. */
    List<String> unneeded() {
        List<String> unneeded = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.inPlay) {
                continue;
            }
            if (entry.lines == null && entry.failedLines.isEmpty()) {
                unneeded.add(entry.location() + " (nothing in it fails)");
            } else if (entry.lines != null) {
                Set<Integer> passing = new TreeSet<>(entry.lines);
                passing.removeAll(entry.failedLines);
                if (!passing.isEmpty()) {
                    unneeded.add(entry.location() + " (lines " + passing + " pass)");
                }
            }
        }
        return unneeded;
    }

    /** The files the expectations come from, e.g. {@code a.txt and b.txt}. */
    String source() {
        return String.join(" and ", sources.stream().map(Path::toString).toList());
    }

    /** One expected failure, or a group of them with one reason. */
    static final class Entry {
        final Path file;
        final int lineNumber;
        final Glob script;
        final Set<Integer> lines;
        final Glob configuration;
        final String reason;
        final Set<Integer> failedLines = new TreeSet<>();
        boolean inPlay;

        private Entry(Path file, int lineNumber, Glob script, Set<Integer> lines, Glob configuration, String reason) {
            this.file = file;
            this.lineNumber = lineNumber;
            this.script = script;
            this.lines = lines;
            this.configuration = configuration;
            this.reason = reason;
        }

        static Entry parse(Path file, int lineNumber, String text) {
            int bar = text.indexOf('|');
            String where = bar < 0 ? "" : text.substring(0, bar).strip();
            String reason = bar < 0 ? "" : text.substring(bar + 1).strip();
            String[] parts = where.split("\\s+");
            if (where.isEmpty() || reason.isEmpty() || parts.length > 2) {
                throw new IllegalArgumentException(
                        file + ":" + lineNumber + ": expected `FILE[:LINES] [ALLOCATOR/ENGINE] | REASON`, got `" + text + "`");
            }
            String script = parts[0];
            Set<Integer> lines = null;
            int colon = script.lastIndexOf(':');
            if (colon >= 0) {
                lines = new TreeSet<>();
                for (String number : script.substring(colon + 1).split(",")) {
                    try {
                        lines.add(Integer.parseInt(number.strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                file + ":" + lineNumber + ": `" + number + "` in `" + script + "` is not a line number", e);
                    }
                }
                script = script.substring(0, colon);
            }
            Glob configuration = Glob.of(parts.length == 2 ? parts[1] : "*/*");
            return new Entry(file, lineNumber, Glob.of(script), lines, configuration, reason);
        }

        boolean covers(Configuration c, String file) {
            return script.matches(file) && configuration.matches(c.label());
        }

        boolean expects(int line) {
            return lines == null || lines.contains(line);
        }

        /** {@code expectations.txt:12 (f32.wast)}, to point at the entry. */
        String location() {
            return file + ":" + lineNumber + " (" + script + (configuration.text().equals("*/*") ? "" : " " + configuration) + ")";
        }
    }
}
