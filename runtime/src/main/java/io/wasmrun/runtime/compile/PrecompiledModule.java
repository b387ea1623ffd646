package io.wasmrun.runtime.compile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A module compiled ahead of time ({@code wasmrun compile}): the module's bytes and its rewritten
 * classes in one file, sealed with the versions that made them. Running one loads JVM classes from
 * the file, which is as trusted as running a jar, so callers must opt in explicitly (as with
 * wasmtime's {@code --allow-precompiled}). An artifact made by another version is rejected with
 * {@link IncompatibleException}, a damaged one with {@link IOException}.
 *
 * @param moduleBytes the original {@code .wasm} bytes
 * @param classes the classes jar (see {@link ClassJar})
 */
public record PrecompiledModule(byte[] moduleBytes, byte[] classes) {
    private static final EntryCodec CODEC = new EntryCodec("\0wasmrun-precompiled-2\n");

    /** Whether {@code bytes} look like a precompiled artifact (whatever its version). */
    public static boolean isPrecompiled(byte[] bytes) {
        return CODEC.recognizes(bytes);
    }

    /** The artifact's bytes, sealed for {@code key} (the key of the module in {@link #moduleBytes}). */
    public byte[] toBytes(CacheKey key) {
        var out = new ByteArrayOutputStream(moduleBytes.length + classes.length + 16);
        try (var data = new DataOutputStream(out)) {
            data.writeInt(moduleBytes.length);
            data.write(moduleBytes);
            data.write(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CODEC.seal(key, out.toByteArray());
    }

    /**
     * Reads an artifact made by this build.
     *
     * @throws IncompatibleException when another Chicory or rewriter version made it
     * @throws IOException when it is truncated or corrupted
     */
    public static PrecompiledModule read(byte[] bytes) throws IOException {
        CacheKey recorded = CODEC.key(bytes);
        if (!recorded.chicoryVersion().equals(CodegenVersion.chicory())
                || recorded.rewriterVersion() != CodegenVersion.REWRITER) {
            throw new IncompatibleException(
                    "precompiled by Chicory "
                            + recorded.chicoryVersion()
                            + ", wasmrun codegen "
                            + recorded.rewriterVersion()
                            + "; this wasmrun uses "
                            + CodegenVersion.describe()
                            + "; compile the module again with `wasmrun compile`");
        }
        var data = new DataInputStream(new java.io.ByteArrayInputStream(CODEC.open(bytes, recorded)));
        int moduleLength = data.readInt();
        if (moduleLength < 0 || moduleLength > data.available()) {
            throw new IOException("truncated module");
        }
        byte[] module = data.readNBytes(moduleLength);
        return new PrecompiledModule(module, data.readAllBytes());
    }

    /** The key recorded in the artifact. */
    public static CacheKey key(byte[] bytes) throws IOException {
        return CODEC.key(bytes);
    }

    /** {@code fallback}, except that this artifact answers for {@code key}. */
    public CompileCache asCache(CacheKey key, CompileCache fallback) {
        return new CompileCache() {
            @Override
            public Optional<byte[]> get(CacheKey wanted) {
                return wanted.equals(key) ? Optional.of(classes) : fallback.get(wanted);
            }

            @Override
            public void put(CacheKey wanted, byte[] jar) {
                fallback.put(wanted, jar);
            }
        };
    }

    /** An artifact made by a different Chicory or wasmrun codegen version. */
    public static final class IncompatibleException extends IOException {
        public IncompatibleException(String message) {
            super(message);
        }
    }
}
