package io.wasmrun.spectest;

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
                int end = stringEnd(wast, i);
                out.append(wast, i, end);
                i = end;
            } else if (c == ';' && i + 1 < n && wast.charAt(i + 1) == ';') {
                int end = wast.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(wast, i, end);
                i = end;
            } else if (c == '(' && i + 1 < n && wast.charAt(i + 1) == ';') {
                int end = blockCommentEnd(wast, i);
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

    private static int stringEnd(String wast, int start) {
        int i = start + 1;
        while (i < wast.length()) {
            char c = wast.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return wast.length();
    }

    private static int blockCommentEnd(String wast, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < wast.length()) {
            if (wast.charAt(i) == '(' && wast.charAt(i + 1) == ';') {
                depth++;
                i += 2;
            } else if (wast.charAt(i) == ';' && wast.charAt(i + 1) == ')') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return wast.length();
    }
}
