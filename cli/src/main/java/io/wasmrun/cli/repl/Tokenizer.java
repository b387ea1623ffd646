package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words at whitespace. Double quotes group words and understand
 * the escapes {@code \" \\ \n \t \r \0}; single quotes group words literally.
 */
final class Tokenizer {
    private Tokenizer() {}

    static List<Token> split(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            var word = new StringBuilder();
            boolean quoted = false;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = true;
                    i = doubleQuoted(line, i + 1, word);
                } else if (ch == '\'') {
                    quoted = true;
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new WasmrunException("unterminated ' quote");
                    }
                    word.append(line, i + 1, end);
                    i = end + 1;
                } else {
                    word.append(ch);
                    i++;
                }
            }
            tokens.add(new Token(word.toString(), quoted));
        }
        return tokens;
    }

    /** Appends the quoted text starting at {@code i} and returns the index after the closing quote. */
    private static int doubleQuoted(String line, int i, StringBuilder word) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                word.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                break;
            }
            char e = line.charAt(i + 1);
            switch (e) {
                case 'n' -> word.append('\n');
                case 't' -> word.append('\t');
                case 'r' -> word.append('\r');
                case '0' -> word.append('\0');
                default -> word.append(e);
            }
            i += 2;
        }
        throw new WasmrunException("unterminated \" quote");
    }
}
