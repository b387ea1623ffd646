package io.wasmrun.wast;

import io.wasmrun.text.lexer.SourceSpans;
import java.util.List;

/**
 * Writes out the table index that the text format lets {@code table.get}, {@code table.set},
 * {@code table.size}, {@code table.grow} and {@code table.fill} leave out (it means table 0).
 * wabt 1.0.32, the wast2json that Debian ships, predates that rule and rejects such scripts;
 * with the index written out it converts them to the same binaries. Strings and comments are
 * left alone, and nothing moves to another line, so line numbers stay right.
 */
final class ImplicitTableIndex {
    private static final List<String> INSTRUCTIONS =
            List.of("table.get", "table.set", "table.size", "table.grow", "table.fill");

    private ImplicitTableIndex() {}

    /** {@code wast} with {@code 0} after every such instruction that has no index. */
    static String writeOut(String wast) {
        var out = new StringBuilder(wast.length() + 64);
        int i = 0;
        int n = wast.length();
        while (i < n) {
            char c = wast.charAt(i);
            if (c == '"') {
                int end = SourceSpans.afterString(wast, i);
                out.append(wast, i, end);
                i = end;
            } else if (c == ';' && i + 1 < n && wast.charAt(i + 1) == ';') {
                int end = wast.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(wast, i, end);
                i = end;
            } else if (c == '(' && i + 1 < n && wast.charAt(i + 1) == ';') {
                int end = SourceSpans.afterBlockComment(wast, i);
                out.append(wast, i, end);
                i = end;
            } else {
                String instruction = instructionAt(wast, i);
                if (instruction == null) {
                    out.append(c);
                    i++;
                } else {
                    i += instruction.length();
                    out.append(instruction);
                    if (!indexFollows(wast, i)) {
                        out.append(" 0");
                    }
                }
            }
        }
        return out.toString();
    }

    private static String instructionAt(String wast, int i) {
        if (i > 0 && !isDelimiter(wast.charAt(i - 1))) {
            return null;
        }
        for (String instruction : INSTRUCTIONS) {
            int end = i + instruction.length();
            if (wast.startsWith(instruction, i) && (end == wast.length() || isDelimiter(wast.charAt(end)))) {
                return instruction;
            }
        }
        return null;
    }

    private static boolean indexFollows(String wast, int i) {
        while (i < wast.length() && Character.isWhitespace(wast.charAt(i))) {
            i++;
        }
        if (i == wast.length()) {
            return false;
        }
        char c = wast.charAt(i);
        return c == '$' || Character.isDigit(c);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')';
    }
}
