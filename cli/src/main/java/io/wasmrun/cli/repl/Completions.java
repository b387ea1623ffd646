package io.wasmrun.cli.repl;

import java.util.Collection;
import java.util.List;
import org.jline.reader.Candidate;

/** Collects completion candidates for one argument of a command. */
final class Completions {
    private final List<String> words;
    private final int index;
    private final List<Candidate> candidates;
    private final Runnable fileCompleter;

    /**
     * @param words the arguments on the line, without the command name
     * @param index which of them is being completed
     * @param candidates where candidates go
     * @param fileCompleter adds file path candidates for the current word
     */
    Completions(List<String> words, int index, List<Candidate> candidates, Runnable fileCompleter) {
        this.words = words;
        this.index = index;
        this.candidates = candidates;
        this.fileCompleter = fileCompleter;
    }

    /** The index of the argument being completed, 0 for the first after the command. */
    int index() {
        return index;
    }

    /** Argument {@code i} as typed so far, or the empty string. */
    String word(int i) {
        return i < words.size() ? words.get(i) : "";
    }

    void add(String value) {
        candidates.add(new Candidate(value));
    }

    void add(String value, String description) {
        candidates.add(new Candidate(value, value, null, description, null, null, true));
    }

    void addAll(Collection<String> values) {
        values.forEach(this::add);
    }

    /** Completes the current word as a file path. */
    void files() {
        fileCompleter.run();
    }
}
