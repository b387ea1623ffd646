package io.wasmrun.runtime.compile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The self-checking envelope around stored bytes: a magic number, the {@link CacheKey} the bytes
 * were made for, the payload's length and CRC-32C, then the payload. {@link #open} returns the
 * payload only when every field matches, so a truncated, corrupted or foreign file reads as
 * absent instead of being loaded.
 *
 * <p>The checksum guards against accidents (a torn write, a flipped bit), not against someone who
 * can write the cache: they could recompute any checksum. CRC-32C rather than a cryptographic
 * digest because it is checked on every cached run, before the JIT has compiled anything: the JVM
 * computes CRC-32C with an intrinsic even in its interpreter, while SHA-256 of a 30 KB entry took
 * about 10 ms of a hello world's start-up.
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
            data.writeLong(crc32c(payload));
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
        return payload(input(bytes), bytes.length, expected);
    }

    /**
     * Like {@link #open(byte[], CacheKey)}, for the file {@code file}, reading the payload straight
     * into its own array: no copy of the file is kept (an entry of a 30 MB module is 44 MB).
     *
     * @throws IOException naming what is wrong, or when the file cannot be read
     */
    byte[] open(Path file, CacheKey expected) throws IOException {
        long size = Files.size(file);
        try (var data = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!Arrays.equals(data.readNBytes(magic.length), magic)) {
                throw new IOException("unknown file format");
            }
            return payload(data, size, expected);
        }
    }

    /**
     * Reads what follows the magic number of an entry {@code size} bytes long from {@code data}:
     * the key, which must be {@code expected}, the payload's length, which must be the rest of the
     * entry, and the payload, which must match its checksum.
     */
    private byte[] payload(DataInputStream data, long size, CacheKey expected) throws IOException {
        try {
            CacheKey key = readKey(data);
            if (!key.equals(expected)) {
                throw new IOException("made for " + key + ", expected " + expected);
            }
            int length = data.readInt();
            long checksum = data.readLong();
            if (length < 0 || length != size - headerSize(key)) {
                throw new IOException("truncated or padded payload");
            }
            byte[] payload = new byte[length];
            data.readFully(payload);
            if (data.read() != -1) {
                throw new IOException("truncated or padded payload");
            }
            if (checksum != crc32c(payload)) {
                throw new IOException("payload checksum mismatch");
            }
            return payload;
        } catch (EOFException e) {
            throw new IOException("truncated file", e);
        }
    }

    /** The bytes before the payload of an entry sealed for {@code key}. */
    private int headerSize(CacheKey key) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var data = new DataOutputStream(out)) {
            writeKey(data, key);
        }
        return magic.length + out.size() + Integer.BYTES + Long.BYTES;
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

    private static long crc32c(byte[] bytes) {
        var crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }
}
