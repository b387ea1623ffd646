package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The data of {@code :memory write}: quoted words are text, written as UTF-8; other words are hex
 * bytes, with or without spaces between them ({@code 48 65 6c}, {@code 48656c}, {@code 0x48656c}).
 */
final class ByteData {
    private ByteData() {}

    static byte[] parse(List<Token> tokens) {
        var bytes = new ByteArrayOutputStream();
        for (Token token : tokens) {
            bytes.writeBytes(token.quoted() ? token.text().getBytes(StandardCharsets.UTF_8) : hex(token.text()));
        }
        return bytes.toByteArray();
    }

    private static byte[] hex(String word) {
        String digits = word.startsWith("0x") || word.startsWith("0X") ? word.substring(2) : word;
        digits = digits.replace("_", "");
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            throw invalid(word);
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw invalid(word);
        }
    }

    private static WasmrunException invalid(String word) {
        return new WasmrunException(
                "`" + word + "` is not hex bytes (expected pairs of hex digits like 48656c, or \"quoted text\")");
    }
}
