package io.wasmrun;

import io.wasmrun.allocator.memory.SegmentMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A linear memory. Offsets are unsigned byte addresses; every access is bounds-checked against
 * the current size and fails with {@link IndexOutOfBoundsException} (a host error, not a trap).
 * Numbers are little-endian, as in WebAssembly.
 *
 * <p>{@link #view()} gives the memory itself as a {@link MemorySegment} for copies without an
 * intermediate array, where the allocator's memory allows it (both of wasmrun's allocators do).
 */
public final class Memory implements Extern {
    private final Store store;
    private final com.dylibso.chicory.runtime.Memory memory;

    Memory(Store store, com.dylibso.chicory.runtime.Memory memory) {
        this.store = store;
        this.memory = memory;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public MemoryType type() {
        return ChicoryTypes.memoryType(new com.dylibso.chicory.wasm.types.MemoryLimits(
                memory.initialPages(), memory.maximumPages(), memory.shared()));
    }

    /** The size in 64 KiB pages. */
    public int pages() {
        return memory.pages();
    }

    /** The size in bytes. */
    public long byteSize() {
        return (long) memory.pages() * 65536;
    }

    /** Grows by {@code pages}; returns the previous size in pages, or -1 when it cannot grow. */
    public int grow(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("pages must not be negative: " + pages);
        }
        return memory.grow(pages);
    }

    /**
     * The memory's bytes from 0 to its current size, without a copy. Valid until the memory
     * grows; take a new view after a call that may have grown it.
     *
     * @throws UnsupportedOperationException when the memory comes from a memory creator whose
     *     memory is not a {@code MemorySegment}
     */
    public MemorySegment view() {
        if (memory instanceof SegmentMemory segment) {
            return segment.segment().asSlice(0, segment.byteSize());
        }
        throw new UnsupportedOperationException("this memory has no MemorySegment view");
    }

    /** Copies {@code length} bytes at {@code offset} into {@code target} at {@code targetOffset}. */
    public void read(long offset, byte[] target, int targetOffset, int length) {
        check(offset, length);
        java.util.Objects.checkFromIndexSize(targetOffset, length, target.length);
        if (memory instanceof SegmentMemory segment) {
            MemorySegment.copy(segment.segment(), ValueLayout.JAVA_BYTE, offset, target, targetOffset, length);
        } else {
            System.arraycopy(memory.readBytes((int) offset, length), 0, target, targetOffset, length);
        }
    }

    /** {@code length} bytes at {@code offset}, as a new array. */
    public byte[] read(long offset, int length) {
        byte[] bytes = new byte[length];
        read(offset, bytes, 0, length);
        return bytes;
    }

    /** Copies {@code length} bytes of {@code source} from {@code sourceOffset} to {@code offset}. */
    public void write(long offset, byte[] source, int sourceOffset, int length) {
        check(offset, length);
        java.util.Objects.checkFromIndexSize(sourceOffset, length, source.length);
        memory.write((int) offset, source, sourceOffset, length);
    }

    public void write(long offset, byte[] source) {
        write(offset, source, 0, source.length);
    }

    public byte readByte(long offset) {
        check(offset, 1);
        return memory.read((int) offset);
    }

    public void writeByte(long offset, byte value) {
        check(offset, 1);
        memory.writeByte((int) offset, value);
    }

    public int readInt(long offset) {
        check(offset, 4);
        return memory.readInt((int) offset);
    }

    public void writeInt(long offset, int value) {
        check(offset, 4);
        memory.writeI32((int) offset, value);
    }

    public long readLong(long offset) {
        check(offset, 8);
        return memory.readLong((int) offset);
    }

    public void writeLong(long offset, long value) {
        check(offset, 8);
        memory.writeLong((int) offset, value);
    }

    public float readFloat(long offset) {
        return Float.intBitsToFloat(readInt(offset));
    }

    public void writeFloat(long offset, float value) {
        writeInt(offset, Float.floatToRawIntBits(value));
    }

    public double readDouble(long offset) {
        return Double.longBitsToDouble(readLong(offset));
    }

    public void writeDouble(long offset, double value) {
        writeLong(offset, Double.doubleToRawLongBits(value));
    }

    /** {@code length} bytes at {@code offset} decoded as UTF-8. */
    public String readString(long offset, int length) {
        return new String(read(offset, length), StandardCharsets.UTF_8);
    }

    /** Writes {@code text} as UTF-8 at {@code offset}; returns the number of bytes written. */
    public int writeString(long offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(offset, bytes);
        return bytes.length;
    }

    private void check(long offset, long length) {
        long size = byteSize();
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException(
                    "memory access out of bounds: offset " + Long.toUnsignedString(offset) + ", length "
                            + length + ", memory size " + size);
        }
    }

    com.dylibso.chicory.runtime.Memory chicory() {
        return memory;
    }

    @Override
    public String toString() {
        return "Memory[" + pages() + " pages]";
    }
}
