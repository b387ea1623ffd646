package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a function call's arguments as the values they spell. Words in parentheses are one
 * argument, joined by spaces, so a v128 reads as in the text format: {@code f (i32x4 1 2 3 4) 7}
 * passes {@code i32x4 1 2 3 4} and {@code 7}. Quoting ({@code f "i32x4 1 2 3 4"}) does the same.
 */
final class CallArguments {
    private CallArguments() {}

    static List<String> texts(List<Token> tokens) {
        List<String> texts = new ArrayList<>();
        List<String> group = null;
        for (Token token : tokens) {
            String text = token.text();
            if (group == null && (token.quoted() || !text.startsWith("("))) {
                texts.add(text);
                continue;
            }
            if (group == null) {
                group = new ArrayList<>();
                text = text.substring(1);
            }
            boolean closes = !token.quoted() && text.endsWith(")");
            if (closes) {
                text = text.substring(0, text.length() - 1);
            }
            if (!token.quoted() && (text.contains("(") || text.contains(")"))) {
                throw new WasmrunException("unexpected parenthesis in `" + token.text() + "` (a parenthesised argument cannot nest)");
            }
            if (!text.isEmpty()) {
                group.add(text);
            }
            if (closes) {
                texts.add(String.join(" ", group));
                group = null;
            }
        }
        if (group != null) {
            throw new WasmrunException("unclosed `(` in the arguments (e.g. `(i32x4 1 2 3 4)`)");
        }
        return texts;
    }
}
