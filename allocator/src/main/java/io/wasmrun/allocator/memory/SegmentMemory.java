package io.wasmrun.allocator.memory;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import io.wasmrun.allocator.config.LinearMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.function.Function;

/**
 * Chicory's {@link Memory} over a {@link LinearMemory}: the one implementation of every load,
 * store, bulk and atomic operation, whatever backs the bytes (an on-demand mapping, a pool slot or
 * an embedder's memory).
 *
 * <p>Every access checks {@code unsigned(addr) + width <= byteSize} in 64-bit arithmetic before it
 * touches the segment, so address overflow (e.g. {@code 0xFFFFFFFF + 4}) and accesses past the
 * current size trap with Chicory's {@code out of bounds memory access} instead of reaching an
 * inaccessible page. Once checked, loads and stores go through one constant segment spanning the
 * address space at {@code base + offset}, so the JIT folds the segment's own checks away and a hot
 * accessor inlines to a compare, a branch and a move; accesses straddling a 4 KiB page boundary
 * are split at the boundary (see the loads and stores below). The backing must be a native
 * segment.
 * Values are little-endian; atomics use aligned {@link VarHandle}s on the segment (sub-word
 * read-modify-writes as compare-and-set on the enclosing aligned word).
 *
 * <p>A memory that is not shared is used by one thread at a time, as wasm requires; growing it
 * may move its bytes. A shared memory never moves (its backing reserves the maximum), grows under
 * a lock, and supports {@code wait}/{@code notify}. Closing frees the backing; later accesses trap,
 * but the memory must not be closed while another thread is executing against it.
 */
public final class SegmentMemory implements Memory, AutoCloseable {
    private static final ValueLayout.OfShort I16 = JAVA_SHORT_UNALIGNED.withOrder(LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = JAVA_INT_UNALIGNED.withOrder(LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = JAVA_LONG_UNALIGNED.withOrder(LITTLE_ENDIAN);

    private static final VarHandle ATOMIC_I8 = JAVA_BYTE.varHandle();
    private static final VarHandle ATOMIC_I16 = JAVA_SHORT.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle ATOMIC_I32 = JAVA_INT.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle ATOMIC_I64 = JAVA_LONG.withOrder(LITTLE_ENDIAN).varHandle();

    /**
     * All of the address space as one segment. Hot accesses use it at {@code base + offset} after
     * their own bounds check: being a constant, its bounds, read-only and liveness checks fold
     * away, which a per-memory segment field would not allow.
     */
    @SuppressWarnings("restricted")
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final int OP_ADD = 0;
    private static final int OP_AND = 1;
    private static final int OP_OR = 2;
    private static final int OP_XOR = 3;
    private static final int OP_XCHG = 4;
    private static final int OP_CMPXCHG = 5;

    /** The backing's bytes; re-read from the backing after every growth. */
    private MemorySegment segment;

    /** The current size; every access is checked against it. */
    private long byteSize;

    /** The address of byte 0: loads and stores go through {@link #ALL} at {@code base + offset}. */
    private long base;

    private final LinearMemory backing;
    private final MemoryLimits limits;
    private final int maximumPages;
    private final WaitQueues waitQueues;
    private final Object growLock = new Object();
    private DataSegment[] dataSegments;
    private boolean closed;
    /** Set until the instantiation's initialize: the backing holds the initial contents. */
    private boolean preinitialized;

    /**
     * Wraps {@code backing}, which already holds {@code limits.initialPages()} pages.
     *
     * @param backing the bytes; closed when this memory is closed
     * @param limits the memory type as declared
     * @param maximumPages the most pages {@link #grow} allows, after every limit the caller
     *     applies (at most {@link Memory#RUNTIME_MAX_PAGES})
     */
    public SegmentMemory(LinearMemory backing, MemoryLimits limits, int maximumPages) {
        this(backing, limits, maximumPages, false);
    }

    /**
     * Like {@link #SegmentMemory(LinearMemory, MemoryLimits, int)}; with {@code preinitialized}
     * the backing already holds this memory's initial contents (zeros plus the module's active
     * data segments, e.g. a pool slot with the module's copy-on-write image mapped), so the
     * instantiation's first {@link #zero()} and {@link #initialize} only record the segments
     * instead of writing them again.
     */
    public SegmentMemory(
            LinearMemory backing, MemoryLimits limits, int maximumPages, boolean preinitialized) {
        if (maximumPages > RUNTIME_MAX_PAGES || maximumPages < limits.initialPages()) {
            throw new IllegalArgumentException(
                    "maximum of "
                            + maximumPages
                            + " pages must lie between the initial "
                            + limits.initialPages()
                            + " and "
                            + RUNTIME_MAX_PAGES);
        }
        if (backing.byteSize() != (long) limits.initialPages() * PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "backing holds "
                            + backing.byteSize()
                            + " bytes, expected "
                            + limits.initialPages()
                            + " pages");
        }
        this.backing = backing;
        this.limits = limits;
        this.maximumPages = maximumPages;
        this.waitQueues = limits.shared() ? new WaitQueues() : null;
        this.segment = backing.segment();
        this.base = nativeAddress(segment);
        this.byteSize = backing.byteSize();
        this.preinitialized = preinitialized;
    }

    private static long nativeAddress(MemorySegment segment) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException(
                    "a linear memory must be a native segment: " + segment);
        }
        return segment.address();
    }

    /** The backing memory. */
    public LinearMemory backing() {
        return backing;
    }

    /**
     * The memory's current bytes, for host code that wants zero-copy access. Valid until the next
     * {@link #grow} (which may move a memory that is not shared) or {@link #close()}.
     */
    public MemorySegment segment() {
        return segment.asSlice(0, byteSize);
    }

    /** The current size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    // ---------------------------------------------------------------- bounds

    /** The segment offset of an access of {@code width} bytes at {@code addr}, or a trap. */
    private long at(int addr, int width) {
        long offset = addr & 0xFFFF_FFFFL;
        if (offset + width > byteSize) {
            throw outOfBounds(addr, width);
        }
        return offset;
    }

    /** Like {@link #at} for a run of {@code length} bytes, where a negative length traps. */
    private long range(int addr, int length) {
        long offset = addr & 0xFFFF_FFFFL;
        if (length < 0 || offset + length > byteSize) {
            throw outOfBounds(addr, length);
        }
        return offset;
    }

    /** Like {@link #at}, also trapping when {@code addr} is not a multiple of {@code width}. */
    private long aligned(int addr, int width) {
        long offset = at(addr, width);
        if ((offset & (width - 1)) != 0) {
            throw new InvalidException("unaligned atomic");
        }
        return offset;
    }

    private WasmRuntimeException outOfBounds(int addr, int width) {
        return outOfBounds(addr, width, WasmRuntimeException::new);
    }

    private <E extends ChicoryException> E outOfBounds(
            int addr, int width, Function<String, E> exception) {
        return exception.apply(
                "out of bounds memory access: attempted to access address: "
                        + addr
                        + " but limit is: "
                        + byteSize
                        + " and size: "
                        + width);
    }

    // ---------------------------------------------------------------- size

    @Override
    public int pages() {
        return (int) (byteSize / PAGE_SIZE);
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return limits.shared();
    }

    @Override
    public int grow(int deltaPages) {
        if (waitQueues == null) {
            return growBy(deltaPages);
        }
        synchronized (growLock) {
            return growBy(deltaPages);
        }
    }

    private int growBy(int deltaPages) {
        int previous = pages();
        if (deltaPages < 0 || closed || (long) previous + deltaPages > maximumPages) {
            return -1;
        }
        if (deltaPages == 0) {
            return previous;
        }
        long newByteSize = (long) (previous + deltaPages) * PAGE_SIZE;
        try {
            backing.growTo(newByteSize);
        } catch (RuntimeException refused) {
            return -1;
        }
        segment = backing.segment();
        base = nativeAddress(segment);
        byteSize = newByteSize;
        return previous;
    }

    // ---------------------------------------------------------------- instantiation

    @Override
    public void zero() {
        if (!preinitialized) {
            backing.zero();
        }
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    /**
     * Writes this memory's active data segments (unless a copy-on-write image already holds them),
     * then drops them, as instantiation does in the spec: {@code memory.init} from an active
     * segment sees an empty one. {@code dataSegments} is the instance's own array, which {@code
     * data.drop} changes too; each memory drops only the segments it wrote, since Chicory calls
     * this once per memory with the same array.
     */
    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        this.dataSegments = dataSegments;
        boolean write = !preinitialized;
        preinitialized = false;
        if (dataSegments == null) {
            return;
        }
        for (int i = 0; i < dataSegments.length; i++) {
            DataSegment s = dataSegments[i];
            if (s instanceof ActiveDataSegment active) {
                if (active.index() != memoryIndex) {
                    continue;
                }
                if (write) {
                    writeActive(instance, active);
                }
                dataSegments[i] = PassiveDataSegment.EMPTY;
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + s);
            }
        }
    }

    private void writeActive(Instance instance, ActiveDataSegment active) {
        byte[] data = active.data();
        int addr =
                (int)
                        ConstantEvaluators.computeConstantValue(
                                instance, active.offsetInstructions())[0];
        long offset = addr & 0xFFFF_FFFFL;
        if (offset + data.length > byteSize) {
            throw outOfBounds(addr, data.length, UninstantiableException::new);
        }
        MemorySegment.copy(data, 0, segment, JAVA_BYTE, offset, data.length);
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---------------------------------------------------------------- bulk

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            throw new WasmRuntimeException(
                    "out of bounds memory access: attempted to access address: "
                            + offset
                            + " but limit is: "
                            + data.length
                            + " and size: "
                            + size);
        }
        MemorySegment.copy(data, offset, segment, JAVA_BYTE, range(addr, size), size);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        long offset = range(addr, len);
        byte[] result = new byte[len];
        MemorySegment.copy(segment, JAVA_BYTE, offset, result, 0, len);
        return result;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int length = toIndex - fromIndex;
        long start = base + range(fromIndex, length);
        // MemorySegment.fill ends in the JDK's setMemory stub. In our x86 profiles, fills whose
        // address and length are multiples of 2, 4 or 8 ran in a word-at-a-time loop, and odd
        // lengths in the vectorised byte fill behind Arrays.fill, which was much faster; storing
        // one byte here makes the length odd. (A Java loop is only fast where C2 happens to
        // vectorise it: 10x slower when compiled on its own.) Kept in this one method: callers
        // inline it deep in Chicory's call chains, where C2 stops inlining.
        if ((length & 1) == 0 && length != 0) {
            ALL.set(JAVA_BYTE, start, value);
            start++;
            length--;
        }
        ALL.asSlice(start, length).fill(value);
    }

    @Override
    public void copy(int dest, int src, int size) {
        long to = range(dest, size);
        long from = range(src, size);
        MemorySegment.copy(ALL, base + from, ALL, base + to, size);
    }

    // ---------------------------------------------------------------- loads and stores
    //
    // An access that crosses a 4 KiB boundary is split there: x86 pays dozens of cycles for a load
    // or store spanning two pages, and a later load overlapping such a store cannot take its value
    // from the store buffer. A page-crossing store is done as at most a 4-, a 2- and a 1-byte store
    // on each side of the boundary, touching only its own bytes; a page-crossing load reads the
    // two aligned 8-byte words holding its bytes and shifts them together. Those words never
    // cross a page and lie inside the memory, whose size is a multiple of 64 KiB. On the
    // straddling benchmark this is 10% faster than going byte by byte and 4x faster than plain
    // unaligned accesses. 4 KiB is the smallest page size on both supported architectures.

    private static final int SPLIT_PAGE_MASK = 4096 - 1;

    private static boolean crossesPage(long offset, int width) {
        return (offset & SPLIT_PAGE_MASK) > 4096 - width;
    }

    @Override
    public byte read(int addr) {
        return ALL.get(JAVA_BYTE, base + at(addr, 1));
    }

    @Override
    public void writeByte(int addr, byte data) {
        ALL.set(JAVA_BYTE, base + at(addr, 1), data);
    }

    @Override
    public long readU8(int addr) {
        return read(addr) & 0xFFL;
    }

    @Override
    public long readI8(int addr) {
        return read(addr);
    }

    @Override
    public short readShort(int addr) {
        long offset = at(addr, 2);
        if (crossesPage(offset, 2)) {
            return (short) loadAcrossPages(offset);
        }
        return ALL.get(I16, base + offset);
    }

    @Override
    public void writeShort(int addr, short data) {
        long offset = at(addr, 2);
        if (crossesPage(offset, 2)) {
            storeAcrossPages(offset, data, 2);
        } else {
            ALL.set(I16, base + offset, data);
        }
    }

    @Override
    public long readI16(int addr) {
        return readShort(addr);
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public int readInt(int addr) {
        long offset = at(addr, 4);
        if (crossesPage(offset, 4)) {
            return (int) loadAcrossPages(offset);
        }
        return ALL.get(I32, base + offset);
    }

    @Override
    public void writeI32(int addr, int data) {
        long offset = at(addr, 4);
        if (crossesPage(offset, 4)) {
            storeAcrossPages(offset, data, 4);
        } else {
            ALL.set(I32, base + offset, data);
        }
    }

    @Override
    public long readI32(int addr) {
        return readInt(addr);
    }

    @Override
    public long readU32(int addr) {
        return readInt(addr) & 0xFFFF_FFFFL;
    }

    @Override
    public long readLong(int addr) {
        long offset = at(addr, 8);
        if (crossesPage(offset, 8)) {
            return loadAcrossPages(offset);
        }
        return ALL.get(I64, base + offset);
    }

    /**
     * The value at {@code offset} of an access that crosses a 4 KiB boundary, in the low bytes:
     * the access ends in the aligned word after the one it starts in, at a nonzero byte of it.
     */
    private long loadAcrossPages(long offset) {
        long word = base + (offset & ~7L);
        int shift = (int) (offset & 7) << 3;
        return (ALL.get(I64, word) >>> shift) | (ALL.get(I64, word + 8) << (64 - shift));
    }

    @Override
    public void writeLong(int addr, long data) {
        long offset = at(addr, 8);
        if (crossesPage(offset, 8)) {
            storeAcrossPages(offset, data, 8);
        } else {
            ALL.set(I64, base + offset, data);
        }
    }

    /** Stores the low {@code width} bytes of {@code data}, which cross a 4 KiB boundary. */
    private void storeAcrossPages(long offset, long data, int width) {
        long address = base + offset;
        int below = 4096 - (int) (offset & SPLIT_PAGE_MASK);
        storeRun(address, data, below);
        storeRun(address + below, data >>> (below << 3), width - below);
    }

    /** Stores the low {@code n < 8} bytes of {@code data} as a 4-, a 2- and a 1-byte store. */
    private static void storeRun(long address, long data, int n) {
        if ((n & 4) != 0) {
            ALL.set(I32, address, (int) data);
            address += 4;
            data >>>= 32;
        }
        if ((n & 2) != 0) {
            ALL.set(I16, address, (short) data);
            address += 2;
            data >>>= 16;
        }
        if ((n & 1) != 0) {
            ALL.set(JAVA_BYTE, address, (byte) data);
        }
    }

    @Override
    public long readI64(int addr) {
        return readLong(addr);
    }

    @Override
    public float readFloat(int addr) {
        return Float.intBitsToFloat(readInt(addr));
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        writeI32(addr, Float.floatToRawIntBits(data));
    }

    @Override
    public double readDouble(int addr) {
        return Double.longBitsToDouble(readLong(addr));
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        writeLong(addr, Double.doubleToRawLongBits(data));
    }

    // ---------------------------------------------------------------- atomics

    @Override
    public void atomicFence() {
        VarHandle.fullFence();
    }

    @Override
    public byte atomicReadByte(int addr) {
        return (byte) ATOMIC_I8.getVolatile(segment, at(addr, 1));
    }

    @Override
    public short atomicReadShort(int addr) {
        return (short) ATOMIC_I16.getVolatile(segment, aligned(addr, 2));
    }

    @Override
    public int atomicReadInt(int addr) {
        return (int) ATOMIC_I32.getVolatile(segment, aligned(addr, 4));
    }

    @Override
    public long atomicReadLong(int addr) {
        return (long) ATOMIC_I64.getVolatile(segment, aligned(addr, 8));
    }

    @Override
    public void atomicWriteByte(int addr, byte value) {
        ATOMIC_I8.setVolatile(segment, at(addr, 1), value);
    }

    @Override
    public void atomicWriteShort(int addr, short value) {
        ATOMIC_I16.setVolatile(segment, aligned(addr, 2), value);
    }

    @Override
    public void atomicWriteInt(int addr, int value) {
        ATOMIC_I32.setVolatile(segment, aligned(addr, 4), value);
    }

    @Override
    public void atomicWriteLong(int addr, long value) {
        ATOMIC_I64.setVolatile(segment, aligned(addr, 8), value);
    }

    @Override
    public int atomicAddInt(int addr, int delta) {
        return (int) ATOMIC_I32.getAndAdd(segment, aligned(addr, 4), delta);
    }

    @Override
    public int atomicAndInt(int addr, int mask) {
        return (int) ATOMIC_I32.getAndBitwiseAnd(segment, aligned(addr, 4), mask);
    }

    @Override
    public int atomicOrInt(int addr, int mask) {
        return (int) ATOMIC_I32.getAndBitwiseOr(segment, aligned(addr, 4), mask);
    }

    @Override
    public int atomicXorInt(int addr, int mask) {
        return (int) ATOMIC_I32.getAndBitwiseXor(segment, aligned(addr, 4), mask);
    }

    @Override
    public int atomicXchgInt(int addr, int value) {
        return (int) ATOMIC_I32.getAndSet(segment, aligned(addr, 4), value);
    }

    @Override
    public int atomicCmpxchgInt(int addr, int expected, int replacement) {
        return (int)
                ATOMIC_I32.compareAndExchange(segment, aligned(addr, 4), expected, replacement);
    }

    @Override
    public long atomicAddLong(int addr, long delta) {
        return (long) ATOMIC_I64.getAndAdd(segment, aligned(addr, 8), delta);
    }

    @Override
    public long atomicAndLong(int addr, long mask) {
        return (long) ATOMIC_I64.getAndBitwiseAnd(segment, aligned(addr, 8), mask);
    }

    @Override
    public long atomicOrLong(int addr, long mask) {
        return (long) ATOMIC_I64.getAndBitwiseOr(segment, aligned(addr, 8), mask);
    }

    @Override
    public long atomicXorLong(int addr, long mask) {
        return (long) ATOMIC_I64.getAndBitwiseXor(segment, aligned(addr, 8), mask);
    }

    @Override
    public long atomicXchgLong(int addr, long value) {
        return (long) ATOMIC_I64.getAndSet(segment, aligned(addr, 8), value);
    }

    @Override
    public long atomicCmpxchgLong(int addr, long expected, long replacement) {
        return (long)
                ATOMIC_I64.compareAndExchange(segment, aligned(addr, 8), expected, replacement);
    }

    @Override
    public short atomicAddShort(int addr, short delta) {
        return (short) subword(aligned(addr, 2), 2, OP_ADD, delta, 0);
    }

    @Override
    public short atomicAndShort(int addr, short mask) {
        return (short) subword(aligned(addr, 2), 2, OP_AND, mask, 0);
    }

    @Override
    public short atomicOrShort(int addr, short mask) {
        return (short) subword(aligned(addr, 2), 2, OP_OR, mask, 0);
    }

    @Override
    public short atomicXorShort(int addr, short mask) {
        return (short) subword(aligned(addr, 2), 2, OP_XOR, mask, 0);
    }

    @Override
    public short atomicXchgShort(int addr, short value) {
        return (short) subword(aligned(addr, 2), 2, OP_XCHG, value, 0);
    }

    @Override
    public short atomicCmpxchgShort(int addr, short expected, short replacement) {
        return (short) subword(aligned(addr, 2), 2, OP_CMPXCHG, replacement, expected);
    }

    @Override
    public byte atomicAddByte(int addr, byte delta) {
        return (byte) subword(at(addr, 1), 1, OP_ADD, delta, 0);
    }

    @Override
    public byte atomicAndByte(int addr, byte mask) {
        return (byte) subword(at(addr, 1), 1, OP_AND, mask, 0);
    }

    @Override
    public byte atomicOrByte(int addr, byte mask) {
        return (byte) subword(at(addr, 1), 1, OP_OR, mask, 0);
    }

    @Override
    public byte atomicXorByte(int addr, byte mask) {
        return (byte) subword(at(addr, 1), 1, OP_XOR, mask, 0);
    }

    @Override
    public byte atomicXchgByte(int addr, byte value) {
        return (byte) subword(at(addr, 1), 1, OP_XCHG, value, 0);
    }

    @Override
    public byte atomicCmpxchgByte(int addr, byte expected, byte replacement) {
        return (byte) subword(at(addr, 1), 1, OP_CMPXCHG, replacement, expected);
    }

    /**
     * An atomic read-modify-write of a 1- or 2-byte value at {@code offset} (aligned to its width,
     * so it never straddles words), done as compare-and-set of the enclosing aligned 4-byte word;
     * the segment only offers atomic updates for int and long. Returns the previous value,
     * zero-extended.
     */
    private int subword(long offset, int width, int op, int operand, int expected) {
        long word = offset & ~3L;
        int shift = (int) (offset & 3) * 8;
        int valueMask = width == 1 ? 0xFF : 0xFFFF;
        int mask = valueMask << shift;
        while (true) {
            int oldWord = (int) ATOMIC_I32.getVolatile(segment, word);
            int old = (oldWord & mask) >>> shift;
            int updated =
                    switch (op) {
                        case OP_ADD -> old + operand;
                        case OP_AND -> old & operand;
                        case OP_OR -> old | operand;
                        case OP_XOR -> old ^ operand;
                        case OP_XCHG -> operand;
                        default -> old == (expected & valueMask) ? operand : old;
                    };
            int newWord = (oldWord & ~mask) | ((updated << shift) & mask);
            if (newWord == oldWord
                    || (boolean) ATOMIC_I32.compareAndSet(segment, word, oldWord, newWord)) {
                return old;
            }
        }
    }

    @Override
    public int atomicWait(int addr, int expected, long timeout) {
        long offset = aligned(addr, 4);
        return sharedQueues()
                .await(
                        addr,
                        () -> (int) ATOMIC_I32.getVolatile(segment, offset) == expected,
                        timeout);
    }

    @Override
    public int atomicWait(int addr, long expected, long timeout) {
        long offset = aligned(addr, 8);
        return sharedQueues()
                .await(
                        addr,
                        () -> (long) ATOMIC_I64.getVolatile(segment, offset) == expected,
                        timeout);
    }

    @Override
    public int atomicNotify(int addr, int maxThreads) {
        aligned(addr, 4);
        return waitQueues == null ? 0 : waitQueues.wake(addr, maxThreads);
    }

    private WaitQueues sharedQueues() {
        if (waitQueues == null) {
            throw new WasmRuntimeException("expected shared memory");
        }
        return waitQueues;
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        throw new UnsupportedOperationException("SegmentMemory has no per-address locks");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        return atomicWait(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        return atomicWait(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return atomicNotify(address, maxThreads);
    }

    // ---------------------------------------------------------------- lifetime

    /**
     * Frees the backing; later accesses trap as out of bounds.
     *
     * @return false if the memory was already released
     */
    public boolean release() {
        synchronized (growLock) {
            if (closed) {
                return false;
            }
            closed = true;
            byteSize = 0;
            segment = MemorySegment.NULL;
            base = 0;
        }
        backing.close();
        return true;
    }

    @Override
    public void close() {
        release();
    }
}
