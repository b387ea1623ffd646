package io.wasmrun.allocator.pooling;

import static io.wasmrun.allocator.sys.LinuxConstants.MAP_SHARED;
import static io.wasmrun.allocator.sys.LinuxConstants.MFD_CLOEXEC;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_READ;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_WRITE;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.OpCode;
import io.wasmrun.allocator.sys.Libc;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The initial contents of one defined memory of one module, as a file ({@code memfd}) that pool
 * slots map copy-on-write ({@code MAP_PRIVATE}), so that instantiation copies nothing:
 *
 * <pre>
 *   memory  0        offset                offset+length          initial size
 *           ├────────┼─────────────────────┼──────────────────────┤
 *           │ zeros  │ image (file pages)  │ zeros                │
 *           │ (anon) │ MAP_PRIVATE|FIXED   │ (anon)               │
 * </pre>
 *
 * <p>{@code offset} and {@code length} are whole OS pages around the module's data segments. A
 * write copies the touched page privately; {@code madvise(MADV_DONTNEED)} drops the private
 * copies, and the slot reads the file's bytes again: the reset for the next tenant of the same
 * module.
 *
 * <p>{@link #EMPTY} stands for a memory without data segments: nothing to map, the slot's zeros
 * are already its initial contents.
 */
final class MemoryImage {
    /** A memory whose initial contents are all zeros. */
    static final MemoryImage EMPTY = new MemoryImage(-1, 0, 0, MemorySegment.NULL);

    private final int fd;
    private final long offset;
    private final long length;
    /** The image's bytes, mapped shared read-only: the source of a slot's reset by copying. */
    private final MemorySegment contents;
    /** Readers copy from {@link #contents}; {@link #close} unmaps it under the write lock. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private MemoryImage(int fd, long offset, long length, MemorySegment contents) {
        this.fd = fd;
        this.offset = offset;
        this.length = length;
        this.contents = contents;
    }

    /** The file descriptor of the image file; -1 for {@link #EMPTY}. */
    int fd() {
        return fd;
    }

    /** Where the image starts in the memory, a multiple of the OS page size. */
    long offset() {
        return offset;
    }

    /** The image's length, a multiple of the OS page size; 0 for {@link #EMPTY}. */
    long length() {
        return length;
    }

    /** Whether there is anything to map. */
    boolean isMapped() {
        return length > 0;
    }

    /** Whether {@link #close} was called: the module was purged; slots must drop the mapping. */
    boolean isClosed() {
        return closed;
    }

    /** Closes the file; mappings made from it stay valid until unmapped. Idempotent. */
    void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                if (fd >= 0) {
                    Libc.munmap(contents, length);
                    Libc.close(fd);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Restores {@code [from, to)} of a memory (offsets in the memory, whole pages) to its initial
     * contents in {@code memory}: the image's bytes where the range overlaps the image, zeros
     * elsewhere. Writing keeps the pages resident for the next tenant.
     *
     * @return false when the image was closed meanwhile (nothing was written)
     */
    boolean restore(MemorySegment memory, long from, long to) {
        lock.readLock().lock();
        try {
            if (closed) {
                return false;
            }
            long imageEnd = offset + length;
            long zeroEnd = Math.min(to, offset);
            if (from < zeroEnd) {
                memory.asSlice(from, zeroEnd - from).fill((byte) 0);
            }
            long copyFrom = Math.max(from, offset);
            long copyTo = Math.min(to, imageEnd);
            if (copyFrom < copyTo) {
                MemorySegment.copy(contents, copyFrom - offset, memory, copyFrom, copyTo - copyFrom);
            }
            long zeroFrom = Math.max(from, imageEnd);
            if (zeroFrom < to) {
                memory.asSlice(zeroFrom, to - zeroFrom).fill((byte) 0);
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The image of defined memory {@code definedIndex} of {@code module}, or null when the memory
     * must be initialised by copying: a segment's offset is not a constant (e.g. {@code global.get}
     * of an imported global) or a segment does not fit the initial size (instantiation must trap).
     */
    static MemoryImage build(String name, WasmModule module, int definedIndex, long pageSize) {
        int imported = module.importSection().count(ExternalType.MEMORY);
        MemoryLimits limits = module.memorySection().orElseThrow().getMemory(definedIndex).limits();
        long initialBytes = (long) limits.initialPages() * com.dylibso.chicory.runtime.Memory.PAGE_SIZE;
        List<long[]> placed = new ArrayList<>();
        List<DataSegment> segments = new ArrayList<>();
        long low = Long.MAX_VALUE;
        long high = 0;
        for (DataSegment segment : module.dataSection().dataSegments()) {
            if (!(segment instanceof ActiveDataSegment active)
                    || active.index() != imported + definedIndex) {
                continue;
            }
            Long offset = constantOffset(active.offsetInstructions());
            if (offset == null) {
                return null;
            }
            byte[] data = active.data();
            if (offset + data.length > initialBytes) {
                return null;
            }
            if (data.length == 0) {
                continue;
            }
            placed.add(new long[] {offset, data.length});
            segments.add(active);
            low = Math.min(low, offset);
            high = Math.max(high, offset + data.length);
        }
        if (placed.isEmpty()) {
            return EMPTY;
        }
        long start = low / pageSize * pageSize;
        long end = Libc.roundUpToPage(high);
        long length = end - start;
        int fd = Libc.memfdCreate("wasmrun-image-" + name + "-" + definedIndex, MFD_CLOEXEC);
        try {
            Libc.ftruncate(fd, length);
            MemorySegment file = Libc.mmap(0, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            try {
                for (int i = 0; i < placed.size(); i++) {
                    byte[] data = segments.get(i).data();
                    MemorySegment.copy(
                            data, 0, file, JAVA_BYTE, placed.get(i)[0] - start, data.length);
                }
            } finally {
                Libc.munmap(file, length);
            }
            // The same pages (the file's page cache), read-only: restoring a slot copies from here.
            MemorySegment contents = Libc.mmap(0, length, PROT_READ, MAP_SHARED, fd, 0);
            return new MemoryImage(fd, start, length, contents);
        } catch (RuntimeException | Error e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** The value of a constant offset expression ({@code i32.const N}), else null. */
    static Long constantOffset(List<Instruction> expression) {
        Long value = null;
        for (Instruction instruction : expression) {
            OpCode op = instruction.opcode();
            if (op == OpCode.END) {
                continue;
            }
            if (op != OpCode.I32_CONST || value != null) {
                return null;
            }
            value = instruction.operand(0) & 0xFFFF_FFFFL;
        }
        return value;
    }

    @Override
    public String toString() {
        return isMapped()
                ? "MemoryImage[fd=" + fd + ", offset=" + offset + ", length=" + length + "]"
                : "MemoryImage[empty]";
    }
}
