package io.wasmrun.wast;

import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.wast.WastParser;
import io.wasmrun.text.wast.WastScript;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code .wast} scripts with wasmrun's own text parser ({@link WastParser}), which encodes
 * every well-formed module while parsing; nothing is written to disk or cached.
 */
public final class NativeParser implements ScriptConverter {

    @Override
    public WastScript convert(Path wast) {
        String source;
        try {
            source = Files.readString(wast);
        } catch (NoSuchFileException e) {
            throw new ScriptException(wast + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new ScriptException(wast + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ScriptException(wast + ": cannot read: " + e.getMessage(), e);
        }
        String name = wast.getFileName().toString();
        try {
            return WastParser.parse(source, name);
        } catch (TextFormatException e) {
            throw new ScriptException(wast + ": the text parser rejects it: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "wasmrun text parser";
    }
}
