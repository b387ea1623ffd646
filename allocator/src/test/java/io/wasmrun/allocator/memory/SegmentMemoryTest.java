package io.wasmrun.allocator.memory;

import static io.wasmrun.allocator.testing.Memories.PAGE;
import static io.wasmrun.allocator.testing.Memories.mapped;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentMemoryTest {

    private static void assertTrap(Executable access) {
        WasmRuntimeException e = assertThrows(WasmRuntimeException.class, access);
        assertTrue(
                e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
    }

    @Test
    void storesAndLoadsEveryWidthLittleEndian() {
        try (SegmentMemory m = mapped(1, 1, false)) {
            m.writeLong(8, 0x0102030405060708L);
            assertEquals(0x08, m.read(8));
            assertEquals(0x0708, m.readShort(8));
            assertEquals(0x05060708, m.readInt(8));
            assertEquals(0x0102030405060708L, m.readLong(8));
            assertEquals(0x0203, m.readU16(13), "unaligned u16 at 13");
            assertEquals(0x01020304L, m.readU32(12));

            m.writeByte(0, (byte) 0xFF);
            assertEquals(-1, m.readI8(0));
            assertEquals(255, m.readU8(0));
            m.writeShort(2, (short) 0x8001);
            assertEquals((short) 0x8001, m.readI16(2));
            assertEquals(0x8001, m.readU16(2));
            m.writeI32(4, 0x80000001);
            assertEquals(0x80000001L | 0xFFFFFFFF00000000L, m.readI32(4));
            assertEquals(0x80000001L, m.readU32(4));

            m.writeF32(20, 1.5f);
            assertEquals(1.5f, m.readFloat(20));
            assertEquals(Float.floatToRawIntBits(1.5f), m.readF32(20));
            m.writeF64(33, -2.25);
            assertEquals(-2.25, m.readDouble(33));
            assertEquals(Double.doubleToRawLongBits(-2.25), m.readF64(33));
            assertEquals(Double.doubleToRawLongBits(-2.25), m.readI64(33));
        }
    }

    @ParameterizedTest(name = "shared = {0}")
    @ValueSource(booleans = {false, true})
    void accessesAcrossA4KiBBoundaryReadAndWriteExactlyTheirBytes(boolean shared) {
        try (SegmentMemory m = mapped(1, 1, shared)) {
            for (int width : new int[] {2, 4, 8}) {
                for (int addr = 4096 - width + 1; addr < 4096; addr++) {
                    m.fill((byte) 0xEE, 4080, 4112);
                    long value = 0x8877665544332211L;
                    switch (width) {
                        case 2 -> m.writeShort(addr, (short) value);
                        case 4 -> m.writeI32(addr, (int) value);
                        default -> m.writeLong(addr, value);
                    }
                    for (int i = 0; i < width; i++) {
                        assertEquals((byte) (value >>> (8 * i)), m.read(addr + i), "byte " + i);
                    }
                    assertEquals((byte) 0xEE, m.read(addr - 1), "byte before untouched");
                    assertEquals((byte) 0xEE, m.read(addr + width), "byte after untouched");
                    switch (width) {
                        case 2 -> assertEquals((short) value, m.readShort(addr));
                        case 4 -> {
                            assertEquals((int) value, m.readInt(addr));
                            assertEquals(Float.intBitsToFloat((int) value), m.readFloat(addr));
                        }
                        default -> {
                            assertEquals(value, m.readLong(addr));
                            assertEquals(Double.longBitsToDouble(value), m.readDouble(addr));
                        }
                    }
                }
            }
            m.writeF64(8189, 3.5);
            assertEquals(3.5, m.readDouble(8189));
            m.writeF32(4095, -1.25f);
            assertEquals(-1.25f, m.readFloat(4095));
            m.writeLong(PAGE - 8, -2L);
            assertEquals(-2L, m.readLong(PAGE - 8));
        }
    }

    @ParameterizedTest(name = "shared = {0}")
    @ValueSource(booleans = {false, true})
    void accessesAcrossTheLast4KiBBoundaryAndAcrossTheOldEndAfterGrowing(boolean shared) {
        try (SegmentMemory m = mapped(1, 2, shared)) {
            int last = PAGE - 4096;
            for (int width : new int[] {2, 4, 8}) {
                for (int addr = last - width + 1; addr < last; addr++) {
                    m.fill((byte) 0xEE, last - 16, PAGE);
                    m.writeLong(PAGE - 8, 0x0102030405060708L);
                    long value = 0x1122334455667788L;
                    switch (width) {
                        case 2 -> {
                            m.writeShort(addr, (short) value);
                            assertEquals((short) value, m.readShort(addr));
                        }
                        case 4 -> {
                            m.writeI32(addr, (int) value);
                            assertEquals((int) value, m.readInt(addr));
                        }
                        default -> {
                            m.writeLong(addr, value);
                            assertEquals(value, m.readLong(addr));
                        }
                    }
                    assertEquals((byte) 0xEE, m.read(addr - 1), "byte before untouched");
                    assertEquals((byte) 0xEE, m.read(addr + width), "byte after untouched");
                    assertEquals(0x0102030405060708L, m.readLong(PAGE - 8), "last word untouched");
                }
            }
            assertTrap(() -> m.readLong(PAGE - 4));
            assertTrap(() -> m.writeI32(PAGE - 2, 1));
            assertEquals(1, m.grow(1));
            m.writeLong(PAGE - 3, 0x1122334455667788L);
            assertEquals(0x1122334455667788L, m.readLong(PAGE - 3));
            assertEquals(0x33445566, m.readInt(PAGE - 1));
            assertEquals((short) 0x3344, m.readShort(PAGE + 1));
        }
    }

    @Test
    void fillWritesExactlyItsRangeAtEveryAlignmentAndLength() {
        try (SegmentMemory m = mapped(1, 1, false)) {
            for (int from = 0; from < 16; from++) {
                for (int length : new int[] {0, 1, 2, 3, 7, 8, 31, 32, 33, 64, 4095, 4096}) {
                    m.fill((byte) 0, 0, 8192);
                    m.fill((byte) 0x5A, 100 + from, 100 + from + length);
                    byte[] bytes = m.readBytes(0, 8192);
                    for (int i = 0; i < bytes.length; i++) {
                        boolean inside = i >= 100 + from && i < 100 + from + length;
                        assertEquals(inside ? 0x5A : 0, bytes[i], "byte " + i);
                    }
                }
            }
            m.fill((byte) 7, PAGE - 2, PAGE);
            assertEquals(7, m.read(PAGE - 2));
            assertEquals(7, m.read(PAGE - 1));
        }
    }

    @Test
    void lastBytesOfEachWidthAreInBoundsAndOneFurtherTraps() {
        try (SegmentMemory m = mapped(1, 1, false)) {
            m.writeByte(PAGE - 1, (byte) 7);
            assertEquals(7, m.read(PAGE - 1));
            m.writeShort(PAGE - 2, (short) 9);
            m.writeI32(PAGE - 4, 10);
            m.writeLong(PAGE - 8, 11L);
            assertEquals(11L, m.readLong(PAGE - 8));
            assertTrap(() -> m.read(PAGE));
            assertTrap(() -> m.writeByte(PAGE, (byte) 1));
            assertTrap(() -> m.readShort(PAGE - 1));
            assertTrap(() -> m.readInt(PAGE - 3));
            assertTrap(() -> m.writeI32(PAGE - 3, 1));
            assertTrap(() -> m.readLong(PAGE - 7));
            assertTrap(() -> m.writeF64(PAGE - 7, 1.0));
            assertTrap(() -> m.readFloat(PAGE - 2));
        }
    }

    @Test
    void addressesThatOverflowTrapInsteadOfWrapping() {
        try (SegmentMemory m = mapped(1, 1, false)) {
            assertTrap(() -> m.read(0xFFFFFFFF));
            assertTrap(() -> m.readInt(0xFFFFFFFF));
            assertTrap(() -> m.readInt(0xFFFFFFFD));
            assertTrap(() -> m.readLong(Integer.MAX_VALUE));
            assertTrap(() -> m.writeLong(Integer.MIN_VALUE, 1));
            assertTrap(() -> m.readBytes(0xFFFFFFFF, 2));
            assertTrap(() -> m.write(PAGE - 1, new byte[] {1, 2}));
            assertTrap(() -> m.readBytes(0, -1));
            assertTrap(() -> m.fill((byte) 1, PAGE - 1, PAGE + 1));
            assertTrap(() -> m.fill((byte) 1, 0xFFFFFFF0, 0x10));
            assertTrap(() -> m.copy(0, PAGE - 4, 8));
            assertTrap(() -> m.copy(0xFFFFFFFF, 0, 1));
            assertEquals("out of bounds memory access: attempted to access address: -1 but limit is: 65536 and size: 4",
                    assertThrows(WasmRuntimeException.class, () -> m.readInt(-1)).getMessage());
        }
    }

    @Test
    void zeroLengthBulkOperationsAtTheEndAreAllowed() {
        try (SegmentMemory m = mapped(1, 1, false)) {
            m.fill((byte) 1, PAGE, PAGE);
            m.copy(PAGE, PAGE, 0);
            m.write(PAGE, new byte[0]);
            assertEquals(0, m.readBytes(PAGE, 0).length);
            assertTrap(() -> m.fill((byte) 1, PAGE + 1, PAGE + 1));
            assertTrap(() -> m.copy(PAGE + 1, 0, 0));
        }
    }

    @Test
    void bulkWriteReadFillAndOverlappingCopy() {
        try (SegmentMemory m = mapped(2, 2, false)) {
            byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
            m.write(PAGE - 5, data);
            assertArrayEquals(data, m.readBytes(PAGE - 5, 10));
            m.write(100, data, 2, 3);
            assertEquals("234", m.readString(100, 3));
            assertTrap(() -> m.write(0, data, 8, 3));

            m.fill((byte) 0x5A, 200, 300);
            assertEquals(0, m.read(199));
            assertEquals(0x5A, m.read(200));
            assertEquals(0x5A, m.read(299));
            assertEquals(0, m.read(300));

            m.writeString(1000, "abcdefgh");
            m.copy(1002, 1000, 6); // overlap, destination after source
            assertEquals("ababcdef", m.readString(1000, 8));
            m.writeString(2000, "abcdefgh");
            m.copy(2000, 2002, 6); // overlap, destination before source
            assertEquals("cdefghgh", m.readString(2000, 8));
            m.writeCString(3000, "nul");
            assertEquals("nul", m.readCString(3000));
        }
    }

    @Test
    void growReturnsThePreviousSizeAndMinusOneOnFailure() {
        try (SegmentMemory m = mapped(1, 4, false)) {
            assertEquals(1, m.grow(0));
            assertEquals(1, m.grow(2));
            assertEquals(3, m.pages());
            assertEquals(0, m.read(3 * PAGE - 1), "new pages read as zero");
            m.writeByte(3 * PAGE - 1, (byte) 3);
            assertEquals(-1, m.grow(2), "past the maximum");
            assertEquals(-1, m.grow(-1), "a u32 delta above 2^31");
            assertEquals(3, m.grow(1));
            assertEquals(4, m.pages());
            assertEquals(-1, m.grow(1));
            assertEquals(4, m.grow(0));
            assertEquals(4, m.maximumPages());
            assertEquals(1, m.initialPages());
            m.writeLong(4 * PAGE - 8, -1L);
            assertTrap(() -> m.read(4 * PAGE));
        }
    }

    @Test
    void baseAddressStaysPutWhileGrowingInsideTheReservation() {
        try (SegmentMemory m = mapped(1, 64, false)) {
            long base = m.segment().address();
            for (int i = 0; i < 63; i++) {
                assertEquals(i + 1, m.grow(1));
                assertEquals(base, m.segment().address());
            }
            assertEquals(64L * PAGE, m.byteSize());
        }
    }

    @Test
    void growingBeyondTheReservationMovesThePagesAndKeepsTheirContents() {
        try (SegmentMemory m = mapped(2, 300, false, 2L * PAGE, 1 << 20, 4L * PAGE)) {
            m.writeLong(0, 0x1122334455667788L);
            m.writeLong(2 * PAGE - 8, 0x0A0B0C0D0E0F0102L);
            assertEquals(2L * PAGE, m.backing().byteCapacity());

            assertEquals(2, m.grow(1));
            assertEquals(7L * PAGE, m.backing().byteCapacity(), "3 pages + 4 of growth room");
            assertEquals(0x1122334455667788L, m.readLong(0));
            assertEquals(0x0A0B0C0D0E0F0102L, m.readLong(2 * PAGE - 8));
            assertEquals(0, m.readLong(2 * PAGE));

            long base = m.segment().address();
            assertEquals(3, m.grow(4));
            assertEquals(base, m.segment().address(), "fits the growth room: no move");
            m.writeI32(7 * PAGE - 4, 77);
            assertEquals(7, m.grow(250));
            assertEquals(0x1122334455667788L, m.readLong(0));
            assertEquals(77, m.readInt(7 * PAGE - 4));
            assertEquals(0, m.read(257 * PAGE - 1));
        }
    }

    @Test
    void growsToChicorysCapAndRefusesBeyond() {
        try (SegmentMemory m = mapped(0, Memory.RUNTIME_MAX_PAGES, false)) {
            assertEquals(0, m.pages());
            assertTrap(() -> m.read(0));
            assertEquals(0, m.grow(Memory.RUNTIME_MAX_PAGES));
            m.writeByte(Memory.RUNTIME_MAX_PAGES * PAGE - 1, (byte) 1);
            assertEquals(1, m.read(Memory.RUNTIME_MAX_PAGES * PAGE - 1));
            assertEquals(-1, m.grow(1));
        }
        RegionLinearMemory backing =
                new RegionLinearMemory(MmapRegion.reserve(PAGE, 0), 0, PAGE, 0);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new SegmentMemory(
                                        backing, new MemoryLimits(0, 65536), 65536));
        assertTrue(e.getMessage().contains("32767"), e.getMessage());
        backing.close();
    }

    @Test
    void zeroClearsEveryPageAndKeepsTheMemoryUsable() {
        try (SegmentMemory m = mapped(3, 3, false)) {
            m.fill((byte) 0x11, 0, 3 * PAGE);
            m.zero();
            byte[] all = m.readBytes(0, 3 * PAGE);
            assertTrue(Arrays.equals(new byte[3 * PAGE], all));
            m.writeByte(5, (byte) 5);
            assertEquals(5, m.read(5));
        }
    }

    @Test
    void closedMemoryTrapsInsteadOfTouchingFreedPages() {
        SegmentMemory m = mapped(1, 2, false);
        m.writeI32(0, 42);
        assertTrue(m.release());
        assertFalse(m.release());
        assertTrap(() -> m.readInt(0));
        assertEquals(-1, m.grow(1));
        assertEquals(0, m.pages());
    }

    @Test
    void memoriesDoNotShareBytes() {
        try (SegmentMemory a = mapped(1, 1, false);
                SegmentMemory b = mapped(1, 1, false)) {
            a.writeI32(0, 1);
            b.writeI32(0, 2);
            assertEquals(1, a.readInt(0));
            assertNotEquals(a.segment().address(), b.segment().address());
        }
    }
}
