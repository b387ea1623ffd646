package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.util.List;

/**
 * What follows a command's name, as words or, for commands that take text, as the raw rest of
 * the line; with the command's usage for error messages.
 */
final class Arguments {
    private final String usage;
    private final List<Token> tokens;
    private final String raw;

    Arguments(String usage, List<Token> tokens) {
        this(usage, tokens, "");
    }

    private Arguments(String usage, List<Token> tokens, String raw) {
        this.usage = usage;
        this.tokens = List.copyOf(tokens);
        this.raw = raw;
    }

    /** The rest of the line as typed, for commands that take text. */
    static Arguments raw(String usage, String text) {
        return new Arguments(usage, List.of(), text.strip());
    }

    /** The text after the command name, stripped; empty for word arguments. */
    String raw() {
        return raw;
    }

    int size() {
        return tokens.size();
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    String get(int index) {
        return tokens.get(index).text();
    }

    /** The arguments from {@code from} on. */
    Arguments from(int from) {
        return new Arguments(usage, tokens.subList(Math.min(from, tokens.size()), tokens.size()));
    }

    /** The texts of all arguments. */
    List<String> texts() {
        return tokens.stream().map(Token::text).toList();
    }

    List<Token> tokens() {
        return tokens;
    }

    /** Checks that there are between {@code min} and {@code max} arguments. */
    Arguments expect(int min, int max) {
        if (tokens.size() < min || tokens.size() > max) {
            throw usageError();
        }
        return this;
    }

    /** An error that shows the command's usage. */
    WasmrunException usageError() {
        return new WasmrunException("usage: " + usage);
    }
}
