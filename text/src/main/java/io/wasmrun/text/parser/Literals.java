package io.wasmrun.text.parser;

import io.wasmrun.text.lexer.NumberLiterals;
import io.wasmrun.text.lexer.Token;

/** Converts numeric tokens to values, reporting range errors at the token. */
public final class Literals {
    private Literals() {}

    /** The bit pattern of an integer literal of the given width. */
    public static long integer(TokenStream ts, Token t, int bits) {
        if (!t.isInteger()) {
            throw ts.unexpected(t, "an integer");
        }
        try {
            return NumberLiterals.parseInt(t.text(), bits);
        } catch (NumberFormatException e) {
            throw ts.error(t, e.getMessage() + " " + t.describe());
        }
    }

    public static int f32(TokenStream ts, Token t) {
        if (!t.isNumber()) {
            throw ts.unexpected(t, "a float");
        }
        try {
            return NumberLiterals.parseF32(t.text());
        } catch (NumberFormatException e) {
            throw ts.error(t, e.getMessage() + " " + t.describe());
        }
    }

    public static long f64(TokenStream ts, Token t) {
        if (!t.isNumber()) {
            throw ts.unexpected(t, "a float");
        }
        try {
            return NumberLiterals.parseF64(t.text());
        } catch (NumberFormatException e) {
            throw ts.error(t, e.getMessage() + " " + t.describe());
        }
    }
}
