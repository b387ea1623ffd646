package io.wasmrun.allocator.memory;

import static io.wasmrun.allocator.sys.LinuxConstants.MADV_DONTNEED;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_ANONYMOUS;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_NORESERVE;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_PRIVATE;
import static io.wasmrun.allocator.sys.LinuxConstants.MREMAP_FIXED;
import static io.wasmrun.allocator.sys.LinuxConstants.MREMAP_MAYMOVE;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_NONE;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_READ;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_WRITE;

import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.allocator.sys.NativeCallException;
import java.lang.foreign.MemorySegment;

/**
 * A region that is its own private anonymous mapping, as each on-demand memory has. The whole
 * {@code reserved + guard} range is mapped {@code PROT_NONE | MAP_NORESERVE} up front; commits
 * flip a prefix to read-write.
 *
 * <p>Relocation maps a bigger {@code PROT_NONE} range, moves the committed prefix onto its start
 * with {@code mremap(MREMAP_FIXED)} (page tables move, bytes are not copied) and unmaps the rest of
 * the old range. {@code mremap} cannot move a range spanning two mappings of different
 * protection, which is why only the committed prefix is moved.
 */
public final class MmapRegion implements VirtualRegion {
    private static final int READ_WRITE = PROT_READ | PROT_WRITE;
    private static final int RESERVE_FLAGS = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;

    private MemorySegment mapping;
    private long reserved;
    private final long guard;
    private long committed;
    private boolean released;

    private MmapRegion(MemorySegment mapping, long reserved, long guard) {
        this.mapping = mapping;
        this.reserved = reserved;
        this.guard = guard;
    }

    /**
     * Reserves {@code reservedBytes + guardBytes} of address space, both rounded up to whole OS
     * pages, nothing committed.
     *
     * @throws NativeCallException if the OS refuses the reservation (e.g. under {@code ulimit -v})
     */
    public static MmapRegion reserve(long reservedBytes, long guardBytes) {
        if (reservedBytes < 0 || guardBytes < 0) {
            throw new IllegalArgumentException(
                    "negative reservation: " + reservedBytes + " + " + guardBytes);
        }
        long reserved = Libc.roundUpToPage(reservedBytes);
        long guard = Libc.roundUpToPage(guardBytes);
        long total = Math.max(reserved + guard, Libc.pageSize());
        MemorySegment mapping = Libc.mmap(0, total, PROT_NONE, RESERVE_FLAGS, -1, 0);
        return new MmapRegion(mapping, reserved, total - reserved);
    }

    @Override
    public MemorySegment segment() {
        return mapping.asSlice(0, reserved);
    }

    @Override
    public long reservedBytes() {
        return reserved;
    }

    @Override
    public long guardBytes() {
        return guard;
    }

    @Override
    public long committedBytes() {
        return committed;
    }

    @Override
    public void commit(long bytes) {
        checkLive();
        long target = Libc.roundUpToPage(bytes);
        if (target > reserved) {
            throw new IllegalArgumentException(
                    "cannot commit " + bytes + " bytes of a " + reserved + "-byte reservation");
        }
        if (target > committed) {
            Libc.mprotect(mapping.asSlice(committed), target - committed, READ_WRITE);
            committed = target;
        }
    }

    @Override
    public void discard(long offset, long length) {
        checkLive();
        if (offset < 0 || length < 0 || offset + length > committed) {
            throw new IllegalArgumentException(
                    "discard [" + offset + ", +" + length + ") outside the " + committed
                            + " committed bytes");
        }
        if (length > 0) {
            Libc.madvise(mapping.asSlice(offset), length, MADV_DONTNEED);
        }
    }

    @Override
    public void decommit(long keepBytes) {
        checkLive();
        long keep = Libc.roundUpToPage(keepBytes);
        if (keep < committed) {
            MemorySegment tail = mapping.asSlice(keep);
            Libc.madvise(tail, committed - keep, MADV_DONTNEED);
            Libc.mprotect(tail, committed - keep, PROT_NONE);
            committed = keep;
        }
    }

    @Override
    public boolean canRelocate() {
        return true;
    }

    @Override
    public void relocate(long newReservedBytes) {
        checkLive();
        long newReserved = Libc.roundUpToPage(newReservedBytes);
        if (newReserved <= reserved) {
            return;
        }
        long oldTotal = mapping.byteSize();
        MemorySegment fresh = Libc.mmap(0, newReserved + guard, PROT_NONE, RESERVE_FLAGS, -1, 0);
        try {
            if (committed > 0) {
                Libc.mremap(
                        mapping,
                        committed,
                        committed,
                        MREMAP_MAYMOVE | MREMAP_FIXED,
                        fresh.address());
            }
        } catch (NativeCallException e) {
            Libc.munmap(fresh, fresh.byteSize());
            throw e;
        }
        if (committed < oldTotal) {
            Libc.munmap(mapping.asSlice(committed), oldTotal - committed);
        }
        mapping = fresh;
        reserved = newReserved;
    }

    @Override
    public void release() {
        if (!released) {
            released = true;
            Libc.munmap(mapping, mapping.byteSize());
            committed = 0;
        }
    }

    private void checkLive() {
        if (released) {
            throw new IllegalStateException("region released");
        }
    }
}
