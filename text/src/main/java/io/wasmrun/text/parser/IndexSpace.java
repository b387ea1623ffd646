package io.wasmrun.text.parser;

import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import java.util.HashMap;
import java.util.Map;

/** One index space of a module (functions, tables, ...): symbolic names and the next index. */
final class IndexSpace {
    private final String kind;
    private final Map<String, Integer> names = new HashMap<>();
    private int count;

    IndexSpace(String kind) {
        this.kind = kind;
    }

    int size() {
        return count;
    }

    /** Allocates the next index, binding {@code id} (may be null) to it. */
    int declare(Token id, TokenStream ts) {
        if (id != null && names.putIfAbsent(id.name(), count) != null) {
            throw ts.error(id, "duplicate " + kind + " " + id.text());
        }
        return count++;
    }

    /** Resolves a numeric or symbolic reference. */
    int resolve(Token t, TokenStream ts) {
        return resolve(t, ts, kind, names);
    }

    /**
     * Resolves {@code t}, a number or a name bound in {@code names}, as an index of {@code kind}
     * (also for the index spaces that live outside a module's, such as locals and struct fields).
     */
    static int resolve(Token t, TokenStream ts, String kind, Map<String, Integer> names) {
        if (t.kind() == TokenKind.NAT) {
            return (int) ts.u32(t);
        }
        if (t.kind() == TokenKind.ID) {
            Integer i = names.get(t.name());
            if (i == null) {
                throw ts.error(t, "unknown " + kind + " " + t.text());
            }
            return i;
        }
        throw ts.unexpected(t, "a " + kind + " index or name");
    }

    /** Reads and resolves the index under the cursor. */
    int parse(TokenStream ts) {
        return resolve(ts.next(), ts);
    }

    boolean atIndex(TokenStream ts) {
        TokenKind k = ts.peek().kind();
        return k == TokenKind.NAT || k == TokenKind.ID;
    }
}
