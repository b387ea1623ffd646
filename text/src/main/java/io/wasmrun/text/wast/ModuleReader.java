package io.wasmrun.text.wast;

import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.Wat;
import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import io.wasmrun.text.parser.ModuleParser;
import io.wasmrun.text.parser.TokenStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Reads one {@code (module $name? definition? ...)} form in its text, binary or quote flavour. */
public final class ModuleReader {
    private ModuleReader() {}

    /**
     * Reads the module at the cursor. With {@code keepMalformed} (for {@code assert_malformed})
     * quoted text is kept unparsed and a text module that fails to parse keeps its error instead
     * of throwing.
     */
    public static WastModule read(TokenStream ts, boolean keepMalformed) {
        int start = ts.position();
        Token open = ts.peek();
        ts.openList("module");
        Token id = ts.optId();
        boolean definition = ts.acceptKeyword("definition");
        if (id == null) {
            id = ts.optId();
        }
        String name = id == null ? null : id.name();
        if (ts.acceptKeyword("binary")) {
            byte[] bytes = strings(ts);
            ts.expectRParen();
            return new WastModule(open.line(), name, definition, WastModule.Kind.BINARY, bytes, null, ts.fileName(), null);
        }
        if (ts.acceptKeyword("quote")) {
            byte[] bytes = strings(ts);
            ts.expectRParen();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                TextFormatException error = ts.error(open, "malformed UTF-8 encoding");
                if (keepMalformed) {
                    return new WastModule(open.line(), name, definition, WastModule.Kind.QUOTE, null, null, ts.fileName(), error);
                }
                throw error;
            }
            if (keepMalformed) {
                return new WastModule(open.line(), name, definition, WastModule.Kind.QUOTE, null, text, ts.fileName(), null);
            }
            byte[] encoded = Wat.toBinary(text, ts.fileName() + ":" + open.line() + ":quote");
            return new WastModule(open.line(), name, definition, WastModule.Kind.QUOTE, encoded, null, ts.fileName(), null);
        }
        try {
            byte[] bytes = ModuleParser.parseFields(ts);
            ts.expectRParen();
            return new WastModule(open.line(), name, definition, WastModule.Kind.TEXT, bytes, null, ts.fileName(), null);
        } catch (TextFormatException e) {
            if (!keepMalformed) {
                throw e;
            }
            ts.seek(start);
            ts.skipList();
            return new WastModule(open.line(), name, definition, WastModule.Kind.TEXT, null, null, ts.fileName(), e);
        }
    }

    private static byte[] strings(TokenStream ts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (ts.at(TokenKind.STRING)) {
            out.writeBytes(ts.expectStringBytes());
        }
        return out.toByteArray();
    }
}
