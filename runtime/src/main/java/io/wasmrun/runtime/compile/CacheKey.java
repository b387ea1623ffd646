package io.wasmrun.runtime.compile;

import com.dylibso.chicory.wasm.WasmModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What compiled classes depend on: the module's bytes (by digest), Chicory's version and
 * wasmrun's rewriter version. Two keys are equal exactly when the classes are interchangeable.
 *
 * @param moduleDigest the module's digest as Chicory's parser records it ({@code "SHA-256:..."})
 * @param chicoryVersion Chicory's version
 * @param rewriterVersion {@link CodegenVersion#REWRITER}
 */
public record CacheKey(String moduleDigest, String chicoryVersion, int rewriterVersion) {
    public CacheKey {
        Objects.requireNonNull(moduleDigest, "moduleDigest");
        Objects.requireNonNull(chicoryVersion, "chicoryVersion");
    }

    /** The key of {@code module} for this build of wasmrun; the module must come from Chicory's parser. */
    public static CacheKey of(WasmModule module) {
        String digest = module.digest();
        if (digest == null) {
            throw new IllegalArgumentException("the module has no digest (it was not parsed from bytes)");
        }
        return new CacheKey(digest, CodegenVersion.chicory(), CodegenVersion.REWRITER);
    }

    /**
     * The key of the module with these bytes, without decoding them: the digest is computed the way
     * Chicory's parser records it ({@code "sha-256:"} and the Base64 SHA-256 of the bytes).
     */
    public static CacheKey of(byte[] moduleBytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(moduleBytes);
            String digest = "sha-256:" + Base64.getEncoder().encodeToString(sha);
            return new CacheKey(digest, CodegenVersion.chicory(), CodegenVersion.REWRITER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // equals and hashCode are written out: a record's generated ones bootstrap through
    // invokedynamic on first use, about 10 ms of a cold start on every cache lookup.
    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey key
                && rewriterVersion == key.rewriterVersion
                && moduleDigest.equals(key.moduleDigest)
                && chicoryVersion.equals(key.chicoryVersion);
    }

    @Override
    public int hashCode() {
        return (moduleDigest.hashCode() * 31 + chicoryVersion.hashCode()) * 31 + rewriterVersion;
    }

    /**
     * The key under which the cache keeps the SIMD lowering of this key's module (whose classes
     * are under the key of the lowered bytes), so that a later run finds them without decoding and
     * lowering the module again.
     */
    public CacheKey lowering() {
        return new CacheKey(moduleDigest + "+simd-lowering", chicoryVersion, rewriterVersion);
    }

    /** A file name unique to this key: the hex SHA-256 of all its parts. */
    public String fileName() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            String text = moduleDigest + '\n' + chicoryVersion + '\n' + rewriterVersion;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
