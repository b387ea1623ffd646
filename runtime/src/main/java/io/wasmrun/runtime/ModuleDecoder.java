package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.WasmrunException;
import io.wasmrun.runtime.simd.SimdLowering;
import io.wasmrun.runtime.validate.BlockTypeIndices;
import io.wasmrun.runtime.validate.ModuleChecks;
import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.Wat;

/**
 * Decodes and validates module bytes, binary or text format (detected by content, not by file
 * name), classifying every failure into a one-line {@link ModuleLoadException}: not wasm at all,
 * malformed text or binary, or invalid module. {@link BlockTypeIndices} keeps Chicory's parser
 * from misreading block types; after it, {@link ModuleChecks} rejects what it lets through.
 * Messages are wasmrun's and Chicory's, never a Java exception's ({@link DecoderFailures}).
 */
final class ModuleDecoder {
    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};

    private ModuleDecoder() {}

    /**
     * A validated module as it declares itself ({@code declared}: the types the API shows) and as
     * the engines run it ({@code executable}: for a module that uses SIMD, its {@link SimdLowering
     * lowering}, decoded by Chicory, whose bytes are {@code lowered}; else the same module, and
     * {@code lowered} is null).
     */
    record Decoded(WasmModule declared, WasmModule executable, byte[] lowered) {
        /** A module that needs no lowering. */
        Decoded(WasmModule module) {
            this(module, module, null);
        }
    }

    /** The module with {@code bytes}, decoded and validated, and lowered when it uses SIMD. */
    static Decoded decode(String name, byte[] bytes) {
        if (Wat.looksLikeText(bytes)) {
            return decode(name, textToBinary(name, bytes));
        }
        var parsed = decodeBinary(name, bytes);
        byte[] lowered;
        try {
            lowered = SimdLowering.lower(parsed.bytes(), parsed.module());
        } catch (UnsupportedOperationException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNSUPPORTED, name,
                    "uses " + e.getMessage() + ", which wasmrun's SIMD support does not cover", e);
        }
        if (lowered == null) {
            return new Decoded(parsed.module());
        }
        try {
            return new Decoded(parsed.module(), BlockTypeIndices.parse(lowered), lowered);
        } catch (RuntimeException e) {
            throw new WasmrunException(
                    name + ": internal error: the SIMD lowering of the module does not decode: " + message(e), e);
        }
    }

    private static BlockTypeIndices.Decoded decodeBinary(String name, byte[] bytes) {
        if (!isBinary(bytes)) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.NOT_WASM, name, notWasmReason(bytes), null);
        }
        try {
            var decoded = BlockTypeIndices.decode(bytes);
            ModuleChecks.check(bytes, decoded.module());
            return decoded;
        } catch (InvalidException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.INVALID, name, "invalid module: " + message(e), e);
        } catch (MalformedException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.MALFORMED, name, "malformed module: " + message(e), e);
        } catch (ChicoryException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.MALFORMED, name, "malformed module: " + message(e), e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Chicory's decoder failed with a Java exception: name the problem, not the exception
            var problem = DecoderFailures.describe(e);
            throw new ModuleLoadException(problem.kind(), name, problem.reason(), e);
        }
    }

    /** Encodes a text module; the error names file, line and column. */
    static byte[] textToBinary(String name, byte[] text) {
        try {
            return Wat.toBinary(text, name);
        } catch (TextFormatException e) {
            throw ModuleLoadException.at(
                    ModuleLoadException.Kind.MALFORMED, name, e.line(), e.column(), e.reason(), e);
        }
    }

    /** Whether {@code bytes} start with the binary format's magic number. */
    static boolean isBinary(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String notWasmReason(byte[] bytes) {
        if (bytes.length == 0) {
            return "not a WebAssembly module (the file is empty)";
        }
        return "not a WebAssembly module (no \\0asm magic number, and not the text format)";
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "the decoder gives no reason";
        }
        String prefix = "section size mismatch, unexpected end of section or function, ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
