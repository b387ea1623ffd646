package io.wasmrun.cli.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's word parser, plus multi-line input for {@code :define}: while the text module typed so
 * far has unclosed parentheses, Enter continues on the next line. Parentheses inside strings and
 * comments ({@code ;; ...}, {@code (; ... ;)}) do not count.
 */
final class ReplParser extends DefaultParser {

    ReplParser() {
        regexCommand("\\S+");
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && isDefine(line) && openParentheses(line) > 0) {
            throw new EOFError(-1, cursor, "unclosed parenthesis", ")");
        }
        return super.parse(line, cursor, context);
    }

    private static boolean isDefine(String line) {
        String text = line.stripLeading();
        return text.startsWith(":define") && (text.length() == 7 || Character.isWhitespace(text.charAt(7)));
    }

    /** How many parentheses of text-format source are open at its end. */
    static int openParentheses(String source) {
        int depth = 0;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '"') {
                i = afterString(source, i + 1);
            } else if (source.startsWith(";;", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (source.startsWith("(;", i)) {
                i = afterBlockComment(source, i + 2);
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
        }
        return depth;
    }

    private static int afterString(String source, int i) {
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

    private static int afterBlockComment(String source, int i) {
        int nesting = 1;
        while (i < source.length() && nesting > 0) {
            if (source.startsWith("(;", i)) {
                nesting++;
                i += 2;
            } else if (source.startsWith(";)", i)) {
                nesting--;
                i += 2;
            } else {
                i++;
            }
        }
        return i;
    }
}
