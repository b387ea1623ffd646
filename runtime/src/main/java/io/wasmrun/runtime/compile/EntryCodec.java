package io.wasmrun.runtime.compile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The self-checking envelope around stored bytes: a magic number, the {@link CacheKey} the bytes
 * were made for, the payload's length and SHA-256, then the payload. {@link #open} returns the
 * payload only when every field matches, so a truncated, corrupted or foreign file reads as
 * absent instead of being loaded.
 */
final class EntryCodec {
    private final byte[] magic;

    /** A codec whose files start with {@code magic}, which tells file kinds apart. */
    EntryCodec(String magic) {
        this.magic = magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    byte[] seal(CacheKey key, byte[] payload) {
        var out = new ByteArrayOutputStream(payload.length + 256);
        try (var data = new DataOutputStream(out)) {
            data.write(magic);
            writeKey(data, key);
            data.writeInt(payload.length);
            data.write(sha256(payload));
            data.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether {@code bytes} start with this codec's magic number. */
    boolean recognizes(byte[] bytes) {
        return bytes.length >= magic.length
                && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    /** The key recorded in {@code bytes}. */
    CacheKey key(byte[] bytes) throws IOException {
        var data = input(bytes);
        return readKey(data);
    }

    /**
     * The payload of {@code bytes} if they were sealed for {@code expected} and are intact.
     *
     * @throws IOException naming what is wrong otherwise
     */
    byte[] open(byte[] bytes, CacheKey expected) throws IOException {
        var data = input(bytes);
        CacheKey key = readKey(data);
        if (!key.equals(expected)) {
            throw new IOException("made for " + key + ", expected " + expected);
        }
        int length = data.readInt();
        byte[] checksum = data.readNBytes(32);
        if (length < 0 || length != data.available()) {
            throw new IOException("truncated or padded payload");
        }
        byte[] payload = data.readNBytes(length);
        if (!MessageDigest.isEqual(checksum, sha256(payload))) {
            throw new IOException("payload checksum mismatch");
        }
        return payload;
    }

    private DataInputStream input(byte[] bytes) throws IOException {
        if (!recognizes(bytes)) {
            throw new IOException("unknown file format");
        }
        var data = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        data.skipNBytes(magic.length);
        return data;
    }

    private static void writeKey(DataOutputStream data, CacheKey key) throws IOException {
        data.writeUTF(key.moduleDigest());
        data.writeUTF(key.chicoryVersion());
        data.writeInt(key.rewriterVersion());
    }

    private static CacheKey readKey(DataInputStream data) throws IOException {
        try {
            return new CacheKey(data.readUTF(), data.readUTF(), data.readInt());
        } catch (RuntimeException e) {
            throw new IOException("malformed header", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
