package io.wasmrun.cli.repl;

import io.wasmrun.text.lexer.SourceSpans;
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
                i = SourceSpans.afterString(source, i);
            } else if (source.startsWith(";;", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (source.startsWith("(;", i)) {
                i = SourceSpans.afterBlockComment(source, i);
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
        }
        return depth;
    }
}
