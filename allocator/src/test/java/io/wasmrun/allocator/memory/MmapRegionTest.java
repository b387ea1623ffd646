package io.wasmrun.allocator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.allocator.sys.LinuxConstants;
import io.wasmrun.allocator.sys.NativeCallException;
import io.wasmrun.allocator.testing.ProcMaps;
import io.wasmrun.allocator.testing.ProcMaps.Mapping;
import org.junit.jupiter.api.Test;

class MmapRegionTest {
    private static final long KIB_64 = 64 * 1024;
    private static final long MIB = 1 << 20;

    private static String perms(long address) {
        return ProcMaps.at(address).map(Mapping::perms).orElse("unmapped");
    }

    @Test
    void committedPrefixIsReadWriteAndTheRestAndTheGuardAreProtNone() {
        MmapRegion region = MmapRegion.reserve(4 * KIB_64, 2 * MIB);
        try {
            long base = region.segment().address();
            assertEquals(4 * KIB_64, region.reservedBytes());
            assertEquals(2 * MIB, region.guardBytes());
            assertEquals("---p", perms(base));

            region.commit(KIB_64);
            assertEquals("rw-p", perms(base));
            assertEquals("rw-p", perms(base + KIB_64 - 1));
            assertEquals("---p", perms(base + KIB_64));

            long guardStart = base + region.reservedBytes();
            Mapping guard = ProcMaps.at(guardStart).orElseThrow();
            assertEquals("---p", guard.perms());
            assertTrue(guard.end() >= guardStart + region.guardBytes(), "guard covered: " + guard);
            assertEquals("---p", perms(guardStart + region.guardBytes() - 1));
        } finally {
            region.release();
        }
    }

    @Test
    void decommitZeroesAndProtectsTheTail() {
        MmapRegion region = MmapRegion.reserve(4 * KIB_64, KIB_64);
        try {
            long base = region.segment().address();
            region.commit(3 * KIB_64);
            region.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, 2 * KIB_64, (byte) 9);
            region.decommit(KIB_64);
            assertEquals(KIB_64, region.committedBytes());
            assertEquals("---p", perms(base + KIB_64));
            region.commit(3 * KIB_64);
            assertEquals(0, region.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2 * KIB_64));
        } finally {
            region.release();
        }
    }

    @Test
    void releaseUnmapsReservationAndGuard() {
        MmapRegion region = MmapRegion.reserve(2 * KIB_64, MIB);
        long base = region.segment().address();
        region.commit(KIB_64);
        region.release();
        region.release();
        assertEquals("unmapped", perms(base));
        assertEquals("unmapped", perms(base + 2 * KIB_64 + MIB - 1));
    }

    @Test
    void relocationMovesCommittedPagesAndUnmapsTheOldRange() {
        MmapRegion region = MmapRegion.reserve(KIB_64, KIB_64);
        try {
            region.commit(KIB_64);
            region.segment().set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, 0x55AA55AA55AA55AAL);
            long oldBase = region.segment().address();
            region.relocate(16 * KIB_64);
            long base = region.segment().address();
            assertEquals(16 * KIB_64, region.reservedBytes());
            assertEquals(KIB_64, region.committedBytes());
            assertEquals(0x55AA55AA55AA55AAL, region.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG, 8));
            assertEquals("rw-p", perms(base));
            assertEquals("---p", perms(base + KIB_64));
            assertEquals("---p", perms(base + 17 * KIB_64 - 1), "guard after the new reservation");
            if (oldBase != base) {
                assertTrue(
                        ProcMaps.at(oldBase).isEmpty()
                                || ProcMaps.at(oldBase).get().start() >= base
                                        && ProcMaps.at(oldBase).get().end() <= base + 17 * KIB_64,
                        "old range unmapped");
            }
        } finally {
            region.release();
        }
    }

    @Test
    void anAbsurdReservationIsACleanErrorNamingCallSizeAndErrno() {
        NativeCallException e =
                assertThrows(NativeCallException.class, () -> MmapRegion.reserve(1L << 56, 0));
        assertEquals("mmap", e.call());
        assertEquals(1L << 56, e.size());
        assertEquals(LinuxConstants.ENOMEM, e.errno());
        assertTrue(e.getMessage().startsWith("mmap(64 PiB) failed: Cannot allocate memory"), e.getMessage());
    }
}
