package io.wasmrun.allocator.sys;

import static io.wasmrun.allocator.sys.LinuxConstants.MAP_SHARED;
import static io.wasmrun.allocator.sys.LinuxConstants.MFD_CLOEXEC;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_READ;
import static io.wasmrun.allocator.sys.LinuxConstants.PROT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LibcTest {

    @Test
    void pageSizeIsAPowerOfTwo() {
        long page = Libc.pageSize();
        assertTrue(page >= 4096 && Long.bitCount(page) == 1, "page size " + page);
        assertEquals(page, Libc.roundUpToPage(1));
        assertEquals(page, Libc.roundUpToPage(page));
        assertEquals(0, Libc.roundUpToPage(0));
    }

    @Test
    void memfdMappingsShareTheirBytes() {
        int fd = Libc.memfdCreate("wasmrun-test", MFD_CLOEXEC);
        try {
            long size = 2 * Libc.pageSize();
            Libc.ftruncate(fd, size);
            MemorySegment a = Libc.mmap(0, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            MemorySegment b = Libc.mmap(0, size, PROT_READ, MAP_SHARED, fd, 0);
            a.set(ValueLayout.JAVA_INT, size - 4, 1234);
            assertEquals(1234, b.get(ValueLayout.JAVA_INT, size - 4));
            Libc.munmap(a, size);
            Libc.munmap(b, size);
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void failuresNameTheCallTheSizeAndTheErrorText() {
        NativeCallException e = assertThrows(NativeCallException.class, () -> Libc.close(-1));
        assertEquals("close", e.call());
        assertEquals(9, e.errno());
        assertEquals("close(0 bytes) failed: Bad file descriptor (errno 9)", e.getMessage());

        NativeCallException unaligned =
                assertThrows(
                        NativeCallException.class,
                        () -> Libc.mprotect(MemorySegment.ofAddress(1), 4096, PROT_READ));
        assertEquals("mprotect", unaligned.call());
        assertEquals(4096, unaligned.size());
        assertTrue(unaligned.getMessage().contains("Invalid argument"), unaligned.getMessage());

        NativeCallException missing =
                assertThrows(NativeCallException.class, () -> Libc.open("/no/such/file", 0));
        assertEquals("open", missing.call());
        assertEquals(2, missing.errno());
    }

    @Test
    void pageSizeMatchesTheKernels() throws Exception {
        String smaps = Files.readString(Path.of("/proc/self/smaps"));
        var kernelPage = Pattern.compile("KernelPageSize:\\s+(\\d+) kB").matcher(smaps);
        assertTrue(kernelPage.find(), "no KernelPageSize in /proc/self/smaps");
        assertEquals(Long.parseLong(kernelPage.group(1)) * 1024, Libc.pageSize());
    }

    @Test
    void sizesReadLikePeopleWriteThem() {
        assertEquals("0 bytes", Sizes.format(0));
        assertEquals("64 KiB", Sizes.format(65536));
        assertEquals("1572864 bytes (1.5 MiB)", Sizes.format(3L << 19));
        assertEquals("2147418112 bytes (2.0 GiB)", Sizes.format((2L << 30) - 65536));
        assertEquals("32 MiB", Sizes.format(32L << 20));
    }
}
