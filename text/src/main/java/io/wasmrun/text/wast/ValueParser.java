package io.wasmrun.text.wast;

import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import io.wasmrun.text.parser.Literals;
import io.wasmrun.text.parser.TokenStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses script constants ({@code (i32.const 1)}, {@code (ref.null func)}, ...) and result
 * patterns ({@code nan:canonical}, {@code (ref.func)}, {@code (either ...)}) into {@link
 * WastValue}s with wast2json's value strings.
 */
final class ValueParser {
    private ValueParser() {}

    static WastValue argument(TokenStream ts) {
        return value(ts, false);
    }

    static WastValue result(TokenStream ts) {
        if (ts.atList("either")) {
            ts.openList("either");
            List<WastValue> alternatives = new ArrayList<>();
            while (ts.at(TokenKind.LPAREN)) {
                alternatives.add(value(ts, true));
            }
            ts.expectRParen();
            return WastValue.either(alternatives);
        }
        return value(ts, true);
    }

    private static WastValue value(TokenStream ts, boolean pattern) {
        ts.expectLParen();
        Token kw = ts.expect(TokenKind.KEYWORD, "a constant");
        WastValue v = switch (kw.text()) {
            case "i32.const" -> WastValue.scalar("i32", Long.toString(Literals.integer(ts, ts.next(), 32)));
            case "i64.const" -> WastValue.scalar("i64", Long.toUnsignedString(Literals.integer(ts, ts.next(), 64)));
            case "f32.const" -> WastValue.scalar("f32", nanPattern(ts, pattern) ? ts.next().text() : f32(ts));
            case "f64.const" -> WastValue.scalar("f64", nanPattern(ts, pattern) ? ts.next().text() : f64(ts));
            case "v128.const" -> vector(ts, pattern);
            case "ref.null" -> {
                Token ht = ts.peek();
                if (ht.kind() == TokenKind.KEYWORD) {
                    ts.next();
                    yield WastValue.scalar(ht.text() + "ref", "null");
                }
                if (ht.kind() == TokenKind.NAT || ht.kind() == TokenKind.ID) {
                    ts.next();
                    yield WastValue.scalar("ref", "null");
                }
                yield WastValue.scalar("ref", "null");
            }
            case "ref.extern", "ref.host" -> WastValue.scalar("externref", optionalNumber(ts));
            default -> {
                if (!kw.text().startsWith("ref.")) {
                    throw ts.unexpected(kw, "a constant");
                }
                Token arg = ts.peek();
                String value = null;
                if (arg.kind() != TokenKind.RPAREN) {
                    value = ts.next().text();
                }
                yield WastValue.scalar(kw.text().substring(4) + "ref", value);
            }
        };
        ts.expectRParen();
        return v;
    }

    private static String optionalNumber(TokenStream ts) {
        if (ts.at(TokenKind.NAT)) {
            return Long.toString(ts.expectU32());
        }
        return null;
    }

    private static boolean nanPattern(TokenStream ts, boolean pattern) {
        Token t = ts.peek();
        return pattern && (t.isKeyword("nan:canonical") || t.isKeyword("nan:arithmetic"));
    }

    private static String f32(TokenStream ts) {
        return Integer.toUnsignedString(Literals.f32(ts, ts.next()));
    }

    private static String f64(TokenStream ts) {
        return Long.toUnsignedString(Literals.f64(ts, ts.next()));
    }

    private static WastValue vector(TokenStream ts, boolean pattern) {
        Token shape = ts.expect(TokenKind.KEYWORD, "a vector shape");
        List<String> lanes = new ArrayList<>();
        String laneType;
        switch (shape.text()) {
            case "i8x16" -> {
                laneType = "i8";
                for (int i = 0; i < 16; i++) {
                    lanes.add(Long.toString(Literals.integer(ts, ts.next(), 8)));
                }
            }
            case "i16x8" -> {
                laneType = "i16";
                for (int i = 0; i < 8; i++) {
                    lanes.add(Long.toString(Literals.integer(ts, ts.next(), 16)));
                }
            }
            case "i32x4" -> {
                laneType = "i32";
                for (int i = 0; i < 4; i++) {
                    lanes.add(Long.toString(Literals.integer(ts, ts.next(), 32)));
                }
            }
            case "i64x2" -> {
                laneType = "i64";
                for (int i = 0; i < 2; i++) {
                    lanes.add(Long.toUnsignedString(Literals.integer(ts, ts.next(), 64)));
                }
            }
            case "f32x4" -> {
                laneType = "f32";
                for (int i = 0; i < 4; i++) {
                    lanes.add(nanPattern(ts, pattern) ? ts.next().text() : f32(ts));
                }
            }
            case "f64x2" -> {
                laneType = "f64";
                for (int i = 0; i < 2; i++) {
                    lanes.add(nanPattern(ts, pattern) ? ts.next().text() : f64(ts));
                }
            }
            default -> throw ts.unexpected(shape, "a vector shape");
        }
        return WastValue.vector(laneType, lanes);
    }
}
