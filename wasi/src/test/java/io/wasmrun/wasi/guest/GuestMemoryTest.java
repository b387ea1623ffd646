package io.wasmrun.wasi.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Guest pointers and lengths are unsigned, checked in 64 bits; a bad one is a trap. */
class GuestMemoryTest {
    private static final int PAGE = 65536;
    private final GuestMemory memory = new GuestMemory(new ByteArrayMemory(new MemoryLimits(1, 1)));

    @Test
    void rangesInsideMemoryPass() {
        assertEquals(0, memory.check(0, PAGE));
        assertEquals(PAGE, memory.check(PAGE, 0));
        assertEquals(PAGE - 4, memory.check(PAGE - 4, 4));
    }

    @Test
    void rangesPastTheEndOrWrappingAroundFault() {
        assertFault(() -> memory.check(PAGE - 3, 4));
        assertFault(() -> memory.check(PAGE + 1, 0));
        assertFault(() -> memory.check(0xFFFF_FFF0, 0x20));
        assertFault(() -> memory.check(16, 0xFFFF_FFF0));
        assertFault(() -> memory.check(-1, 1));
        assertFault(() -> memory.check(0, -1L));
        assertFault(() -> memory.readI32(PAGE - 2));
        assertFault(() -> memory.writeI64(PAGE - 7, 1));
        assertFault(() -> memory.read(PAGE, 1));
    }

    @Test
    void misalignedPointersFault() {
        assertThrows(GuestFault.class, () -> memory.readI32(2));
        assertThrows(GuestFault.class, () -> memory.writeI64(4, 1));
        assertThrows(GuestFault.class, () -> memory.check(12, 64, 8));
        assertEquals(16, memory.check(16, 64, 8));
    }

    @Test
    void aModuleWithoutMemoryFaultsOnEveryAccess() {
        var none = new GuestMemory(null);
        assertFault(() -> none.check(0, 1));
        assertEquals(0, none.check(0, 0));
    }

    @Test
    void iovecArraysAreCheckedWholeBeforeUse() {
        memory.writeI32(0, 100);
        memory.writeI32(4, 10);
        memory.writeI32(8, PAGE - 4);
        memory.writeI32(12, 8);
        assertFault(() -> Iovecs.read(memory, 0, 2));
        Iovecs one = Iovecs.read(memory, 0, 1);
        assertEquals(10, one.total());
        assertFault(() -> Iovecs.read(memory, 0, 0x1_0000));
        assertErrno(Errno.NOMEM, () -> Iovecs.read(memory, 0, 0x2000_0000));
        memory.writeI32(4, 0xFFFF_FFF0);
        assertFault(() -> Iovecs.read(memory, 0, 1));
    }

    @Test
    void stringsMustBeUtf8WithoutNul() {
        byte[] text = "dir/fïle".getBytes(StandardCharsets.UTF_8);
        memory.write(32, text);
        assertEquals("dir/fïle", memory.readString(32, text.length));
        memory.write(64, new byte[] {'a', 0, 'b'});
        assertErrno(Errno.INVAL, () -> memory.readString(64, 3));
        memory.write(80, new byte[] {'a', (byte) 0xC3, 'b'});
        assertErrno(Errno.ILSEQ, () -> memory.readString(80, 3));
    }

    @Test
    void writesLandWhereTheGuestAsked() {
        memory.write(200, new byte[] {1, 2, 3}, 1, 2);
        assertArrayEquals(new byte[] {2, 3, 0}, memory.read(200, 3));
        memory.fill(200, 2, (byte) 9);
        assertArrayEquals(new byte[] {9, 9, 0}, memory.read(200, 3));
    }

    private static void assertFault(Executable call) {
        assertThrows(GuestFault.class, call);
    }

    private static void assertErrno(int errno, Executable call) {
        assertEquals(errno, assertThrows(WasiError.class, call).errno());
    }
}
