package io.wasmrun.allocator.pooling;

import static io.wasmrun.allocator.sys.LinuxConstants.MADV_DONTNEED;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_ANONYMOUS;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_FIXED;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_NORESERVE;
import static io.wasmrun.allocator.sys.LinuxConstants.MAP_PRIVATE;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_NONE;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_READ;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_WRITE;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.wasmrun.allocator.AllocatedMemory;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.allocator.sys.Libc;
import io.wasmrun.allocator.sys.NativeCallException;
import io.wasmrun.allocator.sys.Sizes;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool of linear memories: one {@code mmap} reservation, cut into equal slots, each holding
 * at most one memory at a time (wasmtime's {@code MemoryPool}).
 *
 * <pre>
 *  reservation (PROT_NONE, MAP_NORESERVE; costs address space only)
 *  ┌──────────────────────────┬───────┬──────────────────────────┬───────┬─────
 *  │ slot 0                   │ guard │ slot 1                   │ guard │ ...
 *  └──────────────────────────┴───────┴──────────────────────────┴───────┴─────
 *  ◄──────── reservation ─────►◄guard─►
 *
 *  one slot while in use
 *  ┌──────┬───────────────┬──────────────┬─────────────────────────────────────┐
 *  │ anon │ image (memfd, │ anon         │ PROT_NONE: room to grow in place    │
 *  │ rw   │ MAP_PRIVATE)  │ rw           │                                     │
 *  └──────┴───────────────┴──────────────┴─────────────────────────────────────┘
 *  ◄──────────── current size (read-write) ──────────►
 * </pre>
 *
 * <p><b>Allocation.</b> A memory takes a slot from its stripe's {@link IndexAllocator}, preferring
 * a free slot that last held the same memory of the same module: that slot still has the module's
 * {@link MemoryImage} mapped and the right size read-write, so allocation is a few field writes
 * and no system call. Another slot gets the image mapped over it ({@code mmap(MAP_FIXED)}) and its
 * read-write prefix adjusted with {@code mprotect}. A memory grows in place by {@code mprotect}
 * up to the slot's reservation; it never moves.
 *
 * <p><b>Reset.</b> A freed slot goes through the {@link DecommitQueue}. One {@code PAGEMAP_SCAN}
 * ioctl ({@link PageMap}) lists the pages the tenant wrote; up to {@code keepResident} bytes of
 * them are restored by writing (the image's bytes copied back, zeros elsewhere) and stay resident,
 * so the next tenant of the slot takes no page fault on its working set; what the scan did not
 * reach is dropped with {@code madvise(MADV_DONTNEED)}, after which anonymous pages read as zero
 * and the image's pages read as the image again. Pages only read need nothing (they map the zero
 * page or the image file). Only then does the slot become free. A next tenant never sees a
 * previous tenant's bytes. Without {@code PAGEMAP_SCAN} (Linux before 6.7) the first {@code
 * keepResident} bytes of a slot without an image are zeroed and everything else is dropped.
 *
 * <p><b>Stripes.</b> With protection keys, slot {@code i} is tagged with key {@code i mod k} and
 * each key has its own index allocator; a store's memories all come from its key's stripe (see
 * {@link SlabLayout}).
 *
 * <p>Copy-on-write images are built once per module, on its first instantiation, and dropped by
 * {@link #purge}.
 */
final class MemoryPool implements AutoCloseable {
    private static final int READ_WRITE = PROT_READ | PROT_WRITE;

    /** The affinity key of a memory slot: which memory of which module it last held. */
    record MemoryInModule(ModuleId module, int memoryIndex) {}

    /** What a slot holds between tenants; touched only by its owner (or the reset). */
    private static final class Slot {
        MemoryImage image;
        long accessible;
        long resident;
    }

    private final SlabLayout layout;
    private final MemorySegment mapping;
    private final ProtectionKeys keys;
    private final int[] stripeKeys;
    private final IndexAllocator<MemoryInModule>[] stripes;
    private final Slot[] slots;
    private final DecommitQueue decommitQueue;
    private final long keepResident;
    private final long maxMemorySize;
    private final long pageSize;
    private final ConcurrentHashMap<ModuleId, MemoryImage[]> images = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong residentBytes = new AtomicLong();
    private volatile boolean closed;

    /**
     * Reserves the pool.
     *
     * @param stripeKeys the protection key of each stripe; empty for one stripe without keys
     * @throws LimitExceededException when the OS refuses the reservation
     */
    @SuppressWarnings("unchecked")
    MemoryPool(PoolingConfig config, SlabLayout layout, ProtectionKeys keys, int[] stripeKeys) {
        this.layout = layout;
        this.keys = keys;
        this.stripeKeys = stripeKeys;
        this.keepResident = Libc.roundUpToPage(config.memoryKeepResident());
        this.maxMemorySize = config.maxMemorySize();
        this.pageSize = Libc.pageSize();
        this.decommitQueue = new DecommitQueue(config.decommitBatchSize());
        MemorySegment reserved;
        try {
            reserved =
                    layout.totalBytes() == 0
                            ? MemorySegment.NULL
                            : Libc.mmap(
                                    0,
                                    layout.totalBytes(),
                                    PROT_NONE,
                                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                                    -1,
                                    0);
        } catch (NativeCallException e) {
            throw new LimitExceededException(
                    String.format(
                            "cannot reserve %s of address space for %d pooled memories of %s"
                                    + " (+ %s guard): %s; lower --pooling-total-memories,"
                                    + " --pooling-max-memory-size or --memory-guard-size, or raise"
                                    + " the address-space limit (ulimit -v)",
                            Sizes.format(layout.totalBytes()),
                            layout.slots(),
                            Sizes.format(layout.reservationBytes()),
                            Sizes.format(layout.guardBytes()),
                            e.getMessage()),
                    e);
        }
        this.mapping = reserved;
        try {
            if (stripeKeys.length > 1) {
                for (int i = 0; i < layout.slots(); i++) {
                    keys.protect(
                            mapping.asSlice(layout.offset(i), layout.slotBytes()),
                            layout.slotBytes(),
                            PROT_NONE,
                            stripeKeys[layout.stripeOf(i)]);
                }
            }
        } catch (RuntimeException e) {
            Libc.munmap(mapping, layout.totalBytes());
            throw e;
        }
        int stripeCount = layout.stripes();
        this.stripes = new IndexAllocator[stripeCount];
        for (int s = 0; s < stripeCount; s++) {
            int count = layout.slots() / stripeCount + (s < layout.slots() % stripeCount ? 1 : 0);
            stripes[s] = new IndexAllocator<>(count, config.maxUnusedWarmSlots());
        }
        this.slots = new Slot[layout.slots()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    SlabLayout layout() {
        return layout;
    }

    /**
     * Takes a slot of stripe {@code stripe} for defined memory {@code memoryIndex} of {@code
     * module} and makes it a memory of {@code limits.initialPages()} pages holding its initial
     * contents when the module has an image (then the memory skips Chicory's data copy).
     *
     * @throws LimitExceededException when every slot of the stripe is taken
     */
    AllocatedMemory allocate(ModuleInfo module, int memoryIndex, MemoryLimits limits, int stripe) {
        checkOpen();
        long initialBytes = (long) limits.initialPages() * Memory.PAGE_SIZE;
        if (initialBytes > maxMemorySize) {
            throw new LimitExceededException(
                    memoryTooLarge(module.name(), memoryIndex, limits.initialPages()));
        }
        MemoryImage image = image(module, memoryIndex);
        IndexAllocator<MemoryInModule> allocator = stripes[stripe];
        MemoryInModule key = new MemoryInModule(module.id(), memoryIndex);
        int local = allocator.alloc(key);
        if (local < 0) {
            resetPending();
            local = allocator.alloc(key);
            if (local < 0) {
                throw exhausted(stripe);
            }
        }
        int index = local * layout.stripes() + stripe;
        Slot slot = slots[index];
        try {
            prepare(index, slot, image, initialBytes);
        } catch (RuntimeException | Error e) {
            forget(index, slot);
            allocator.free(local, false);
            throw e;
        }
        residentBytes.addAndGet(-slot.resident);
        slot.resident = 0;
        int maxPages =
                (int)
                        Math.min(
                                Math.min(limits.maximumPages(), Memory.RUNTIME_MAX_PAGES),
                                maxMemorySize / Memory.PAGE_SIZE);
        var backing =
                new PooledLinearMemory(
                        this, index, mapping.asSlice(layout.offset(index), layout.reservationBytes()),
                        initialBytes, (long) maxPages * Memory.PAGE_SIZE, image != null && image.isMapped(),
                        image != null);
        live.incrementAndGet();
        return new AllocatedMemory(new SegmentMemory(backing, limits, maxPages, image != null), index);
    }

    /** Maps {@code image} into the slot if it is not there yet and sets the read-write prefix. */
    private void prepare(int index, Slot slot, MemoryImage image, long initialBytes) {
        MemoryImage wanted = image != null && image.isMapped() ? image : null;
        if (slot.image != wanted && slot.image != null) {
            forget(index, slot);
        }
        if (wanted != null && slot.image != wanted) {
            MemorySegment at = base(index).asSlice(wanted.offset(), wanted.length());
            Libc.mmap(at.address(), wanted.length(), READ_WRITE, MAP_PRIVATE | MAP_FIXED, wanted.fd(), 0);
            slot.image = wanted;
            if (stripeKeys.length > 1) {
                keys.protect(at, wanted.length(), READ_WRITE, keyOf(index));
            }
        }
        setAccessible(index, slot, initialBytes);
    }

    /** Makes exactly the first {@code bytes} of the slot read-write (the image stays mapped). */
    void setAccessible(int index, Slot slot, long bytes) {
        if (bytes > slot.accessible) {
            Libc.mprotect(base(index).asSlice(slot.accessible), bytes - slot.accessible, READ_WRITE);
        } else if (bytes < slot.accessible) {
            Libc.mprotect(base(index).asSlice(bytes), slot.accessible - bytes, PROT_NONE);
        }
        slot.accessible = bytes;
    }

    /** Grows the memory in {@code index} to {@code bytes}: its owner calls this. */
    void grow(int index, long bytes) {
        Slot slot = slots[index];
        if (bytes > layout.reservationBytes()) {
            throw new IllegalArgumentException("beyond the slot's reservation: " + bytes);
        }
        if (bytes > slot.accessible) {
            setAccessible(index, slot, bytes);
        }
    }

    /** Called when the memory in {@code index} is closed: queues the slot for its reset. */
    void release(int index) {
        live.decrementAndGet();
        int[] batch = decommitQueue.offer(index);
        if (batch != null) {
            reset(batch);
        }
    }

    /** Resets every queued slot now. */
    void resetPending() {
        reset(decommitQueue.drain());
    }

    private void reset(int[] batch) {
        for (int index : batch) {
            Slot slot = slots[index];
            int stripe = layout.stripeOf(index);
            int local = index / layout.stripes();
            boolean keepAffinity = true;
            try {
                if (slot.image != null && slot.image.isClosed()) {
                    forget(index, slot);
                    keepAffinity = false;
                } else {
                    long kept = resetSlot(index, slot);
                    if (kept < 0) {
                        forget(index, slot);
                        keepAffinity = false;
                    } else {
                        slot.resident = kept;
                        residentBytes.addAndGet(kept);
                    }
                }
            } catch (RuntimeException e) {
                // Never hand out a slot whose reset failed with its old contents.
                forget(index, slot);
                keepAffinity = false;
            }
            stripes[stripe].free(local, keepAffinity);
        }
    }

    /**
     * Brings the slot's accessible bytes back to its initial contents (its image, zeros elsewhere)
     * like wasmtime's {@code reset_with_pagemap}: {@code PAGEMAP_SCAN} finds the pages the tenant
     * wrote; up to {@code keepResident} bytes of them are restored by writing (copying the image
     * back or zeroing), so they stay resident and the next tenant takes no page fault on them;
     * pages the scan did not reach are dropped with {@code madvise(MADV_DONTNEED)}. Pages that
     * were only read still map the zero page or the image file and need nothing.
     *
     * <p>Without {@code PAGEMAP_SCAN} (Linux before 6.7): the first {@code keepResident} bytes
     * of a slot without an image are zeroed by writing, everything else is dropped with {@code
     * madvise}.
     *
     * @return the bytes restored by writing (kept resident), or -1 if the image was closed
     *     meanwhile (the caller replaces the slot's mapping)
     */
    private long resetSlot(int index, Slot slot) {
        long accessible = slot.accessible;
        if (accessible == 0) {
            return 0;
        }
        MemorySegment memory = base(index);
        MemoryImage image = slot.image;
        long keep = Math.min(keepResident, accessible);
        if (keep > 0) {
            PageMap.Scan scan =
                    PageMap.scanDirty(memory.address(), accessible, keep / pageSize);
            if (scan != null) {
                long restored = 0;
                long base = memory.address();
                for (int i = 0; i < scan.count; i++) {
                    long from = scan.bounds[2 * i] - base;
                    long to = scan.bounds[2 * i + 1] - base;
                    if (image == null) {
                        memory.asSlice(from, to - from).fill((byte) 0);
                    } else if (!image.restore(memory, from, to)) {
                        return -1;
                    }
                    restored += to - from;
                }
                long walked = scan.walkEnd - base;
                if (walked < accessible) {
                    Libc.madvise(memory.asSlice(walked), accessible - walked, MADV_DONTNEED);
                }
                return restored;
            }
        }
        long zeroed = image == null ? keep : 0;
        if (zeroed > 0) {
            memory.asSlice(0, zeroed).fill((byte) 0);
        }
        if (accessible > zeroed) {
            Libc.madvise(memory.asSlice(zeroed), accessible - zeroed, MADV_DONTNEED);
        }
        return zeroed;
    }

    /** Replaces the whole used part of the slot with fresh inaccessible anonymous memory. */
    private void forget(int index, Slot slot) {
        long length = slot.accessible;
        if (slot.image != null) {
            length = Math.max(length, slot.image.offset() + slot.image.length());
        }
        if (length > 0) {
            MemorySegment at = base(index);
            Libc.mmap(
                    at.address(),
                    length,
                    PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
                    -1,
                    0);
            if (stripeKeys.length > 1) {
                keys.protect(at.asSlice(0, length), length, PROT_NONE, keyOf(index));
            }
        }
        slot.image = null;
        slot.accessible = 0;
        residentBytes.addAndGet(-slot.resident);
        slot.resident = 0;
    }

    /**
     * The image of defined memory {@code memoryIndex} of {@code module}, built on first use;
     * null when that memory must be initialised by copying.
     */
    MemoryImage image(ModuleInfo module, int memoryIndex) {
        MemoryImage[] forModule =
                images.computeIfAbsent(
                        module.id(),
                        id -> {
                            int count =
                                    module.module().memorySection().map(s -> s.memoryCount()).orElse(0);
                            MemoryImage[] built = new MemoryImage[count];
                            for (int i = 0; i < count; i++) {
                                built[i] = MemoryImage.build(module.name(), module.module(), i, pageSize);
                            }
                            return built;
                        });
        return memoryIndex < forModule.length ? forModule[memoryIndex] : null;
    }

    /**
     * Drops {@code module}'s images: free slots that hold them get fresh anonymous memory, slots
     * in use drop them when freed, and the image files are closed.
     */
    void purge(ModuleId module, int maxMemoriesPerModule) {
        MemoryImage[] dropped = images.remove(module);
        if (dropped != null) {
            for (MemoryImage image : dropped) {
                if (image != null) {
                    image.close();
                }
            }
        }
        for (int s = 0; s < stripes.length; s++) {
            for (int m = 0; m < maxMemoriesPerModule; m++) {
                MemoryInModule key = new MemoryInModule(module, m);
                int local;
                while ((local = stripes[s].allocAffineAndClear(key)) >= 0) {
                    int index = local * layout.stripes() + s;
                    Slot slot = slots[index];
                    if (slot.image != null && slot.image.isClosed()) {
                        forget(index, slot);
                    }
                    stripes[s].free(local, false);
                }
            }
        }
    }

    /** Modules with cached images (or a decision to copy). */
    int imagedModules() {
        return images.size();
    }

    /** Whether {@code module} has a cached image (for tests). */
    boolean hasImages(ModuleId module) {
        return images.containsKey(module);
    }

    /** The slot's current image (for tests). */
    MemoryImage slotImage(int index) {
        return slots[index].image;
    }

    int live() {
        return live.get();
    }

    int unusedWarm() {
        int n = 0;
        for (IndexAllocator<MemoryInModule> stripe : stripes) {
            n += stripe.unusedWarm();
        }
        return n;
    }

    long residentBytes() {
        return residentBytes.get();
    }

    int pendingResets() {
        return decommitQueue.size();
    }

    int stripeCount() {
        return stripes.length;
    }

    /** The protection key of slot {@code index}, 0 without keys. */
    int keyOf(int index) {
        return stripeKeys.length == 0 ? 0 : stripeKeys[layout.stripeOf(index)];
    }

    private MemorySegment base(int index) {
        return mapping.asSlice(layout.offset(index), layout.reservationBytes());
    }

    private LimitExceededException exhausted(int stripe) {
        if (stripes.length == 1) {
            return new LimitExceededException(
                    "maximum concurrent memory limit of "
                            + layout.slots()
                            + " reached; raise --pooling-total-memories");
        }
        return new LimitExceededException(
                "maximum concurrent memory limit of "
                        + stripes[stripe].capacity()
                        + " reached for memory stripe "
                        + stripe
                        + " (protection key "
                        + stripeKeys[stripe]
                        + ", "
                        + layout.slots()
                        + " memories in "
                        + stripes.length
                        + " stripes); raise --pooling-total-memories");
    }

    static String memoryTooLarge(String module, int memoryIndex, long pages) {
        return String.format(
                "memory %d of %s needs %d pages (%s) initially, more than the pool's"
                        + " maximum memory size allows; raise --pooling-max-memory-size",
                memoryIndex, module, pages, Sizes.format(pages * Memory.PAGE_SIZE));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the pooling allocator is closed");
        }
    }

    /** Unmaps the reservation and closes the images; no memory may be live. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        resetPending();
        for (MemoryImage[] forModule : images.values()) {
            for (MemoryImage image : forModule) {
                if (image != null) {
                    image.close();
                }
            }
        }
        images.clear();
        // A live memory still points into the reservation: unmapping it would turn the owner's
        // next access into a crash, so the reservation is then left to the process's end.
        if (layout.totalBytes() > 0 && live.get() == 0) {
            Libc.munmap(mapping, layout.totalBytes());
        }
    }
}
