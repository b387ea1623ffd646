package io.wasmrun.text;

import io.wasmrun.text.lexer.Lexer;
import io.wasmrun.text.lexer.TokenKind;
import io.wasmrun.text.parser.ModuleParser;
import io.wasmrun.text.parser.TokenStream;
import io.wasmrun.text.wast.ModuleReader;
import java.nio.charset.StandardCharsets;

/** Entry point for WebAssembly text modules ({@code .wat}): text in, binary module out. */
public final class Wat {
    private Wat() {}

    /**
     * Encodes a text module: either {@code (module ...)} (also {@code binary} and {@code quote}
     * forms) or a bare sequence of module fields.
     *
     * @throws TextFormatException if the text is not a well-formed module
     */
    public static byte[] toBinary(String source, String fileName) {
        try {
            TokenStream ts = new TokenStream(Lexer.tokenize(source, fileName), fileName);
            byte[] bytes;
            if (ts.atList("module")) {
                bytes = ModuleReader.read(ts, false).toBinary();
            } else {
                bytes = ModuleParser.parseFields(ts);
            }
            if (!ts.at(TokenKind.EOF)) {
                throw ts.unexpected(ts.peek(), "end of input");
            }
            return bytes;
        } catch (StackOverflowError e) {
            throw new TextFormatException(fileName, 1, 1, "nesting too deep");
        }
    }

    /** Reads UTF-8 text (rejecting malformed UTF-8) and encodes it like {@link #toBinary(String, String)}. */
    public static byte[] toBinary(byte[] utf8, String fileName) {
        return toBinary(Utf8.decode(utf8, fileName), fileName);
    }

    /**
     * A cheap check for whether a file holds text rather than a binary module: it does not start
     * with the binary magic and, after whitespace, starts with {@code (} or a comment.
     */
    public static boolean looksLikeText(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm') {
            return false;
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i++;
        }
        return i < bytes.length && (bytes[i] == '(' || bytes[i] == ';');
    }

    /** Strict UTF-8 decoding with a located error. */
    static final class Utf8 {
        private Utf8() {}

        static String decode(byte[] bytes, String fileName) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new TextFormatException(fileName, 1, 1, "malformed UTF-8 encoding");
            }
        }
    }
}
