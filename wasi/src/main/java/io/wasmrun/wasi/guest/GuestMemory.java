package io.wasmrun.wasi.guest;

import com.dylibso.chicory.runtime.Memory;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to a guest's memory for one WASI call. Addresses and lengths are the
 * guest's {@code i32}s read as unsigned; a range outside memory, or a pointer to a number or
 * structure that is not aligned for it, is a {@link GuestFault} (a trap, as in wasmtime). A memory
 * on native pages ({@link SegmentMemory}) also gives the native address of a checked range, so
 * reads and writes of files go straight between the kernel and guest memory.
 */
public final class GuestMemory {
    /**
     * The most bytes of arguments (a path, an iovec array, poll subscriptions) one call reads:
     * asking for more is {@code ENOMEM} before memory is touched, as with wasmtime's default
     * host-call fuel. Data buffers have no such limit: their bytes are not copied.
     */
    public static final long ARGUMENT_LIMIT = 128L << 20;

    private final Memory memory;
    private final long size;

    /** @param memory the guest's memory, or {@code null} for a module without one (all faults) */
    public GuestMemory(Memory memory) {
        this.memory = memory;
        this.size = memory == null ? 0 : (long) memory.pages() * Memory.PAGE_SIZE;
    }

    /** The memory's size in bytes at the start of the call. */
    public long size() {
        return size;
    }

    /**
     * Checks that {@code length} bytes at {@code address} (both unsigned 32-bit) lie inside memory.
     *
     * @return the address as an {@code int} offset, safe to pass to {@link Memory}
     */
    public int check(int address, int length) {
        return check(address, Integer.toUnsignedLong(length));
    }

    /** {@link #check(int, int)} for a length already widened (e.g. {@code count * 8}). */
    public int check(int address, long length) {
        long start = Integer.toUnsignedLong(address);
        if (length < 0 || start + length > size) {
            throw GuestFault.outOfBounds(start, length, size);
        }
        return address;
    }

    /**
     * Checks {@code length} bytes at {@code address} for a value or structure aligned to {@code
     * align} bytes (a power of two), as wasmtime's ABI checks do.
     */
    public int check(int address, long length, int align) {
        if ((address & (align - 1)) != 0) {
            throw GuestFault.misaligned(Integer.toUnsignedLong(address), align);
        }
        return check(address, length);
    }

    /** Throws {@code ENOMEM} for an argument of more than {@link #ARGUMENT_LIMIT} bytes. */
    public static void requireWithinArgumentLimit(long bytes) {
        if (bytes > ARGUMENT_LIMIT) {
            throw new WasiError(Errno.NOMEM);
        }
    }

    private int checkAligned(int address, int width) {
        return check(address, width, width);
    }

    public int readI32(int address) {
        return memory.readInt(checkAligned(address, 4));
    }

    public long readI64(int address) {
        return memory.readLong(checkAligned(address, 8));
    }

    public int readU16(int address) {
        return (int) memory.readU16(checkAligned(address, 2));
    }

    public byte readByte(int address) {
        return memory.read(check(address, 1L));
    }

    public void writeI32(int address, int value) {
        memory.writeI32(checkAligned(address, 4), value);
    }

    public void writeI64(int address, long value) {
        memory.writeLong(checkAligned(address, 8), value);
    }

    public void writeU16(int address, int value) {
        memory.writeShort(checkAligned(address, 2), (short) value);
    }

    public void writeByte(int address, byte value) {
        memory.writeByte(check(address, 1L), value);
    }

    /** Copies {@code length} bytes of guest memory out. */
    public byte[] read(int address, int length) {
        check(address, length);
        return memory.readBytes(address, length);
    }

    /** Copies {@code bytes[offset, offset + length)} into guest memory at {@code address}. */
    public void write(int address, byte[] bytes, int offset, int length) {
        check(address, (long) length);
        memory.write(address, bytes, offset, length);
    }

    /** Writes {@code bytes} whole. */
    public void write(int address, byte[] bytes) {
        write(address, bytes, 0, bytes.length);
    }

    /** Fills {@code length} bytes with {@code value}. */
    public void fill(int address, int length, byte value) {
        check(address, length);
        if (length != 0) {
            memory.fill(value, address, address + length);
        }
    }

    /**
     * The native address of a checked range, or 0 when the memory is not on native pages. Valid
     * for this call only (a {@code memory.grow} may move the memory).
     */
    public long nativeAddress(int address, long length) {
        check(address, length);
        if (memory instanceof SegmentMemory native_) {
            return native_.segment().address() + Integer.toUnsignedLong(address);
        }
        return 0;
    }

    /**
     * A path or other text the guest passes: UTF-8, no NUL byte.
     *
     * @throws WasiError {@code EILSEQ} for bytes that are not UTF-8, {@code EINVAL} for a NUL
     */
    public String readString(int address, int length) {
        requireWithinArgumentLimit(Integer.toUnsignedLong(length));
        byte[] bytes = read(address, length);
        for (byte b : bytes) {
            if (b == 0) {
                throw new WasiError(Errno.INVAL);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }
}
