package io.wasmrun.text.lexer;

/**
 * Finds where a string literal or a block comment of text-format source ends, for tools that scan
 * source without tokenizing it (counting open parentheses in the REPL, patching scripts).
 */
public final class SourceSpans {
    private SourceSpans() {}

    /**
     * The index just after the string literal whose opening quote is at {@code quote}, or the
     * source's length when the string is not closed.
     */
    public static int afterString(String source, int quote) {
        int i = quote + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return source.length();
    }

    /**
     * The index just after the block comment (nested ones included) that opens with {@code (;} at
     * {@code open}, or the source's length when it is not closed.
     */
    public static int afterBlockComment(String source, int open) {
        int depth = 1;
        int i = open + 2;
        while (i < source.length()) {
            if (source.startsWith("(;", i)) {
                depth++;
                i += 2;
            } else if (source.startsWith(";)", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return source.length();
    }
}
