package io.wasmrun.allocator.pooling;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.wasmrun.allocator.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Finds the pages of a range that a tenant dirtied, with Linux's {@code PAGEMAP_SCAN} ioctl on
 * {@code /proc/self/pagemap} (Linux 6.7+), the way wasmtime's {@code pagemap.rs} does: a page
 * needs a reset only if it is present (or swapped out) and neither the shared zero page nor a page
 * of a file. In a pool slot that means exactly the pages written since they were mapped: a read of
 * untouched anonymous memory maps the zero page, a read of the copy-on-write image maps the file's
 * page, and any write gives the slot a private anonymous page. No userfaultfd registration is
 * needed: outside a {@code UFFD_FEATURE_WP_ASYNC} range every page counts as written.
 *
 * <p>One scan is one system call; regions come back in a per-thread buffer, so scanning allocates
 * nothing. {@link #available()} is false where the kernel lacks the ioctl (then callers reset by
 * their fallback).
 */
final class PageMap {
    // struct pm_scan_arg { u64 size, flags, start, end, walk_end, vec, vec_len, max_pages,
    //                      category_inverted, category_mask, category_anyof_mask, return_mask; }
    private static final long ARG_SIZE = 96;
    private static final long OFF_SIZE = 0;
    private static final long OFF_START = 16;
    private static final long OFF_END = 24;
    private static final long OFF_WALK_END = 32;
    private static final long OFF_VEC = 40;
    private static final long OFF_VEC_LEN = 48;
    private static final long OFF_MAX_PAGES = 56;
    private static final long OFF_INVERTED = 64;
    private static final long OFF_MASK = 72;
    private static final long OFF_ANYOF = 80;
    private static final long OFF_RETURN = 88;
    // struct page_region { u64 start, end, categories; }
    private static final long REGION_SIZE = 24;

    static final long PAGE_IS_WRITTEN = 1 << 1;
    static final long PAGE_IS_FILE = 1 << 2;
    static final long PAGE_IS_PRESENT = 1 << 3;
    static final long PAGE_IS_SWAPPED = 1 << 4;
    static final long PAGE_IS_PFNZERO = 1 << 5;

    /** {@code _IOWR('f', 16, struct pm_scan_arg)}. */
    static final long PAGEMAP_SCAN = (3L << 30) | (ARG_SIZE << 16) | ('f' << 8) | 16;

    /** Regions one scan can report; a scan that finds more stops early (the rest is decommitted). */
    static final int MAX_REGIONS = 64;

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private static final int FD = openAndProbe();

    /** Per-thread argument and region buffers, freed by the GC with their thread. */
    private static final ThreadLocal<Scan> SCANS = ThreadLocal.withInitial(Scan::new);

    private PageMap() {}

    /** Tests turn scanning off to exercise the fallback reset. */
    static volatile boolean enabled = true;

    /** Whether {@code PAGEMAP_SCAN} works here. */
    static boolean available() {
        return FD >= 0;
    }

    /** The regions of one scan: {@code count} pairs of start and end addresses, then walk_end. */
    static final class Scan {
        final MemorySegment arg;
        final MemorySegment regions;
        final long[] bounds = new long[MAX_REGIONS * 2];
        int count;
        long walkEnd;

        Scan() {
            Arena arena = Arena.ofAuto();
            arg = arena.allocate(ARG_SIZE, 8);
            regions = arena.allocate(REGION_SIZE * MAX_REGIONS, 8);
        }
    }

    /**
     * Scans {@code [address, address + length)} for dirty pages, reporting at most {@code
     * maxPages} pages.
     *
     * @return the calling thread's scan result (valid until its next scan), or null when the
     *     ioctl failed (callers then fall back to their scan-less reset)
     */
    static Scan scanDirty(long address, long length, long maxPages) {
        if (FD < 0 || !enabled) {
            return null;
        }
        Scan scan = SCANS.get();
        MemorySegment arg = scan.arg;
        arg.fill((byte) 0);
        arg.set(JAVA_LONG, OFF_SIZE, ARG_SIZE);
        arg.set(JAVA_LONG, OFF_START, address);
        arg.set(JAVA_LONG, OFF_END, address + length);
        arg.set(JAVA_LONG, OFF_VEC, scan.regions.address());
        arg.set(JAVA_LONG, OFF_VEC_LEN, MAX_REGIONS);
        arg.set(JAVA_LONG, OFF_MAX_PAGES, maxPages);
        // interesting: written, not the zero page, not a file page, and present or swapped out
        arg.set(JAVA_LONG, OFF_INVERTED, PAGE_IS_PFNZERO | PAGE_IS_FILE);
        arg.set(JAVA_LONG, OFF_MASK, PAGE_IS_WRITTEN | PAGE_IS_PFNZERO | PAGE_IS_FILE);
        arg.set(JAVA_LONG, OFF_ANYOF, PAGE_IS_PRESENT | PAGE_IS_SWAPPED);
        arg.set(JAVA_LONG, OFF_RETURN, 0L);
        int n = Libc.ioctl(FD, PAGEMAP_SCAN, arg);
        if (n < 0 || n > MAX_REGIONS) {
            return null;
        }
        MemorySegment regions = scan.regions;
        long[] bounds = scan.bounds;
        for (int i = 0; i < n; i++) {
            bounds[2 * i] = regions.get(JAVA_LONG, i * REGION_SIZE);
            bounds[2 * i + 1] = regions.get(JAVA_LONG, i * REGION_SIZE + 8);
        }
        scan.count = n;
        scan.walkEnd = arg.get(JAVA_LONG, OFF_WALK_END);
        if (scan.walkEnd < address || scan.walkEnd > address + length) {
            return null;
        }
        return scan;
    }

    private static int openAndProbe() {
        if (Boolean.getBoolean("wasmrun.pooling.noPagemapScan")) {
            return -1;
        }
        int fd;
        try {
            fd = Libc.open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
        } catch (RuntimeException | Error e) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment arg = arena.allocate(ARG_SIZE, 8);
            MemorySegment regions = arena.allocate(REGION_SIZE, 8);
            MemorySegment probe = arena.allocate(Libc.pageSize(), Libc.pageSize());
            arg.set(JAVA_LONG, OFF_SIZE, ARG_SIZE);
            arg.set(JAVA_LONG, OFF_START, probe.address());
            arg.set(JAVA_LONG, OFF_END, probe.address() + Libc.pageSize());
            arg.set(JAVA_LONG, OFF_VEC, regions.address());
            arg.set(JAVA_LONG, OFF_VEC_LEN, 1);
            arg.set(JAVA_LONG, OFF_MASK, PAGE_IS_WRITTEN);
            if (Libc.ioctl(fd, PAGEMAP_SCAN, arg) < 0) {
                Libc.close(fd);
                return -1;
            }
            return fd;
        } catch (RuntimeException | Error e) {
            Libc.close(fd);
            return -1;
        }
    }
}
