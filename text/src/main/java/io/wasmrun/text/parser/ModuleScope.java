package io.wasmrun.text.parser;

import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parts of one module share while it is parsed: the index spaces, the type list
 * (explicit definitions first, implicit function types appended as they are met) and the
 * value-type syntax, which needs type names.
 */
final class ModuleScope {
    final TokenStream ts;
    final IndexSpace types = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("function");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace tags = new IndexSpace("tag");
    final IndexSpace elems = new IndexSpace("elem segment");
    final IndexSpace datas = new IndexSpace("data segment");
    /** All types by index; explicit ones are filled in before any other field is parsed. */
    final List<TypeDef> typeDefs = new ArrayList<>();
    /** Type section entries: the size of each group and whether it was written as {@code rec}. */
    final List<int[]> typeGroups = new ArrayList<>();
    /** Number of explicitly defined types; implicit ones follow. */
    int explicitTypes;
    boolean usesDataCount;

    ModuleScope(TokenStream ts) {
        this.ts = ts;
    }

    /** Checks that an explicit type use with an inline signature names a defined type. */
    void checkDefined(int explicit, Token at, boolean hasInline) {
        if (hasInline && (explicit < 0 || explicit >= explicitTypes)) {
            throw ts.error(at, "unknown type " + explicit);
        }
    }

    TypeDef typeDef(int index) {
        return index >= 0 && index < typeDefs.size() ? typeDefs.get(index) : null;
    }

    /** The index of an implicitly used function type, appending a new type when none matches. */
    int implicitType(List<ValType> params, List<ValType> results) {
        for (int i = 0; i < typeDefs.size(); i++) {
            TypeDef d = typeDefs.get(i);
            if (d != null && d.matchesImplicit(params, results)) {
                return i;
            }
        }
        typeDefs.add(TypeDef.func(List.copyOf(params), List.copyOf(results)));
        typeGroups.add(new int[] {1, 0});
        return typeDefs.size() - 1;
    }

    /** A function type reference: explicit {@code (type x)} and/or inline params and results. */
    record TypeUse(int index, List<ValType> params, List<Token> paramNames, List<ValType> results) {}

    /**
     * Parses a type use. Without {@code (type x)} the inline signature is resolved to an
     * implicit type, unless {@code dry} is set (then index 0 stands in and nothing is added).
     */
    TypeUse typeUse(boolean allowNames, boolean dry) {
        Integer explicit = null;
        Token typeToken = ts.peek();
        if (ts.atList("type")) {
            ts.openList("type");
            typeToken = ts.peek();
            explicit = types.parse(ts);
            ts.expectRParen();
        }
        List<ValType> params = new ArrayList<>();
        List<Token> names = new ArrayList<>();
        while (ts.atList("param")) {
            ts.openList("param");
            if (ts.at(TokenKind.ID)) {
                if (!allowNames) {
                    throw ts.unexpected(ts.peek(), "a value type");
                }
                names.add(ts.next());
                params.add(valType());
            } else {
                while (!ts.at(TokenKind.RPAREN)) {
                    names.add(null);
                    params.add(valType());
                }
            }
            ts.expectRParen();
        }
        List<ValType> results = resultList();
        if (explicit == null) {
            return new TypeUse(dry ? 0 : implicitType(params, results), params, names, results);
        }
        checkDefined(explicit, typeToken, !params.isEmpty() || !results.isEmpty());
        TypeDef def = typeDef(explicit);
        if (def != null && def.isFunc()) {
            boolean inline = !params.isEmpty() || !results.isEmpty();
            if (inline && (!def.params().equals(params) || !def.results().equals(results))) {
                throw ts.error(ts.peek(), "inline function type does not match type " + explicit);
            }
            if (!inline) {
                List<Token> none = new ArrayList<>();
                for (int i = 0; i < def.params().size(); i++) {
                    none.add(null);
                }
                return new TypeUse(explicit, def.params(), none, def.results());
            }
        }
        return new TypeUse(explicit, params, names, results);
    }

    /** Zero or more {@code (result t*)} lists. */
    List<ValType> resultList() {
        List<ValType> results = new ArrayList<>();
        while (ts.atList("result")) {
            ts.openList("result");
            while (!ts.at(TokenKind.RPAREN)) {
                results.add(valType());
            }
            ts.expectRParen();
        }
        return results;
    }

    // ---- value types ----

    private static int numericCode(String k) {
        return switch (k) {
            case "i32" -> 0x7F;
            case "i64" -> 0x7E;
            case "f32" -> 0x7D;
            case "f64" -> 0x7C;
            case "v128" -> 0x7B;
            default -> -1;
        };
    }

    /** Abstract heap type byte of a reference shorthand such as {@code funcref}, or -1. */
    private static int shorthandHeap(String k) {
        return switch (k) {
            case "funcref" -> 0x70;
            case "externref" -> 0x6F;
            case "anyref" -> 0x6E;
            case "eqref" -> 0x6D;
            case "i31ref" -> 0x6C;
            case "structref" -> 0x6B;
            case "arrayref" -> 0x6A;
            case "exnref" -> 0x69;
            case "nullexnref" -> 0x74;
            case "nullfuncref" -> 0x73;
            case "nullexternref" -> 0x72;
            case "nullref" -> 0x71;
            default -> -1;
        };
    }

    /** Abstract heap type byte for a heap type keyword, or -1. */
    static int abstractHeap(String k) {
        return switch (k) {
            case "func" -> 0x70;
            case "extern" -> 0x6F;
            case "any" -> 0x6E;
            case "eq" -> 0x6D;
            case "i31" -> 0x6C;
            case "struct" -> 0x6B;
            case "array" -> 0x6A;
            case "exn" -> 0x69;
            case "noexn" -> 0x74;
            case "nofunc" -> 0x73;
            case "noextern" -> 0x72;
            case "none" -> 0x71;
            default -> -1;
        };
    }

    boolean atValType() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.KEYWORD) {
            return numericCode(t.text()) >= 0 || shorthandHeap(t.text()) >= 0;
        }
        return ts.atList("ref");
    }

    ValType valType() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.KEYWORD) {
            int num = numericCode(t.text());
            if (num >= 0) {
                ts.next();
                return ValType.num(num);
            }
        }
        return refType();
    }

    ValType storageType() {
        if (ts.acceptKeyword("i8")) {
            return ValType.num(0x78);
        }
        if (ts.acceptKeyword("i16")) {
            return ValType.num(0x77);
        }
        return valType();
    }

    ValType refType() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.KEYWORD) {
            int h = shorthandHeap(t.text());
            if (h >= 0) {
                ts.next();
                return ValType.ref(true, -h);
            }
            throw ts.unexpected(t, "a value type");
        }
        if (!ts.atList("ref")) {
            throw ts.unexpected(t, "a value type");
        }
        ts.openList("ref");
        boolean nullable = ts.acceptKeyword("null");
        int heap = heapType();
        ts.expectRParen();
        return ValType.ref(nullable, heap);
    }

    /** A heap type: an abstract keyword (negated byte) or a type index. */
    int heapType() {
        Token t = ts.peek();
        if (t.kind() == TokenKind.KEYWORD) {
            int h = abstractHeap(t.text());
            if (h < 0) {
                throw ts.unexpected(t, "a heap type");
            }
            ts.next();
            return -h;
        }
        return types.parse(ts);
    }
}
