package io.wasmrun.allocator.pooling;

import static io.wasmrun.allocator.pooling.PoolingInstanceAllocatorTest.assertPristineData;
import static io.wasmrun.allocator.pooling.PoolingInstanceAllocatorTest.importsWithBase;
import static io.wasmrun.allocator.pooling.PoolingInstanceAllocatorTest.small;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.wasm.types.ActiveElement;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.memory.SegmentMemory;
import io.wasmrun.allocator.sys.Libc;
import org.junit.jupiter.api.Test;

/**
 * The reset that keeps pages resident: {@code PAGEMAP_SCAN} finds the written pages, which are
 * restored by writing (image bytes or zeros) and stay mapped, and a reused slot reads exactly like
 * a fresh instance; plus the fallback without the scan, and the per-module element image.
 */
class ResidentResetTest {
    private static final int WASM_PAGE = 65536;
    private static final long OS_PAGE = Libc.pageSize();

    private static long address(Tenant t) {
        return ((SegmentMemory) t.memory()).segment().address();
    }

    /** Bytes of {@code [address, address + length)} that are private (written) pages now. */
    private static long privateBytes(long address, long length) {
        PageMap.Scan scan = PageMap.scanDirty(address, length, 0);
        assertNotNull(scan);
        long bytes = 0;
        for (int i = 0; i < scan.count; i++) {
            bytes += scan.bounds[2 * i + 1] - scan.bounds[2 * i];
        }
        return bytes;
    }

    @Test
    void pagemapScanWorksOnThisKernel() {
        var version =
                java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)")
                        .matcher(System.getProperty("os.version", ""));
        assumeTrue(version.find(), "kernel version unknown");
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        assumeTrue(major > 6 || (major == 6 && minor >= 7), "PAGEMAP_SCAN needs Linux 6.7");
        assertTrue(PageMap.available());
    }

    @Test
    void writtenImageAndZeroPagesAreRestoredInPlaceAndStayResident() {
        assumeTrue(PageMap.available());
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalMemories(1).build())) {
            int slot;
            long address;
            try (Tenant t = Tenant.of(allocator, data)) {
                slot = t.memorySlot();
                address = address(t);
                t.call("fill", 0xA5); // both pages: the image's and the zero pages after it
                assertEquals(2, t.call("grow", 1));
                t.call("store8", 2 * WASM_PAGE + 12345, 7);
                assertEquals(0xA5, t.call("load8", 100));
            }
            long written = 2 * WASM_PAGE + OS_PAGE;
            assertEquals(written, allocator.metrics().residentBytes(), "restored by writing");
            assertEquals(written, privateBytes(address, 3 * WASM_PAGE), "still mapped, not dropped");
            try (Tenant t = Tenant.of(allocator, data)) {
                assertEquals(slot, t.memorySlot());
                assertEquals(2, t.call("size"));
                assertPristineData(t.memory());
                assertEquals(2, t.call("grow", 1));
                byte[] grown = t.memory().readBytes(2 * WASM_PAGE, WASM_PAGE);
                for (int i = 0; i < grown.length; i++) {
                    assertEquals(0, grown[i], "grown byte " + i);
                }
                t.call("store8", 100, 'J');
                assertEquals('J', t.call("load8", 100));
            }
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
            }
        }
    }

    @Test
    void sparseWritesAreFoundAndOnlyTheyAreRestored() {
        assumeTrue(PageMap.available());
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalMemories(1).build())) {
            long address;
            try (Tenant t = Tenant.of(allocator, data)) {
                address = address(t);
                t.call("store8", 101, 'X'); // image page
                t.call("store8", 70002, 'Y'); // image page
                t.call("store8", 90000, 'Z'); // zero page after the image
                assertEquals('d', t.call("load8", 70004)); // read only: stays the file's page
                assertEquals(0, t.call("load8", 120000)); // read only: the zero page
            }
            assertEquals(3 * OS_PAGE, allocator.metrics().residentBytes());
            assertEquals(3 * OS_PAGE, privateBytes(address, 2 * WASM_PAGE));
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
            }
        }
    }

    @Test
    void keepResidentBoundsTheBytesRestoredByWriting() {
        assumeTrue(PageMap.available());
        ModuleInfo data = Tenant.module("data.wasm");
        var config = small().toBuilder().totalMemories(1).memoryKeepResident(4 * OS_PAGE).build();
        try (var allocator = new PoolingInstanceAllocator(config)) {
            long address;
            try (Tenant t = Tenant.of(allocator, data)) {
                address = address(t);
                t.call("fill", 0x11);
            }
            assertEquals(4 * OS_PAGE, allocator.metrics().residentBytes());
            assertEquals(4 * OS_PAGE, privateBytes(address, 2 * WASM_PAGE), "the rest dropped");
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
            }
        }
    }

    @Test
    void memoriesWithoutImageAreZeroedInPlace() {
        assumeTrue(PageMap.available());
        ModuleInfo copied = Tenant.module("imported-offset.wasm");
        ModuleInfo nodata = Tenant.module("nodata.wasm");
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalMemories(1).build())) {
            try (Tenant t = Tenant.of(allocator, copied, importsWithBase(10), null)) {
                assertNull(allocator.memoryPool().slotImage(t.memorySlot()));
                t.call("fill", 0x77);
            }
            assertEquals(WASM_PAGE, allocator.metrics().residentBytes());
            try (Tenant t = Tenant.of(allocator, nodata)) {
                byte[] bytes = t.memory().readBytes(0, WASM_PAGE);
                for (int i = 0; i < bytes.length; i++) {
                    assertEquals(0, bytes[i], "byte " + i);
                }
                t.call("store8", 5 * OS_PAGE + 3, 9);
            }
            // Pages kept resident stay private pages: every reset restores them (up to
            // keepResident), whether or not the last tenant wrote them.
            assertEquals(WASM_PAGE, allocator.metrics().residentBytes());
            try (Tenant t = Tenant.of(allocator, copied, importsWithBase(1000), null)) {
                byte[] bytes = t.memory().readBytes(0, WASM_PAGE);
                for (int i = 0; i < bytes.length; i++) {
                    byte expected = i >= 1000 && i < 1003 ? (byte) "abc".charAt(i - 1000) : 0;
                    assertEquals(expected, bytes[i], "byte " + i);
                }
            }
        }
    }

    @Test
    void withoutPagemapScanTheFallbackResetsToo() {
        ModuleInfo data = Tenant.module("data.wasm");
        ModuleInfo nodata = Tenant.module("nodata.wasm");
        PageMap.enabled = false;
        try (var allocator = new PoolingInstanceAllocator(small().toBuilder().totalMemories(1).build())) {
            try (Tenant t = Tenant.of(allocator, data)) {
                t.call("fill", 0x33);
            }
            assertEquals(0, allocator.metrics().residentBytes(), "an image slot is dropped whole");
            try (Tenant t = Tenant.of(allocator, data)) {
                assertPristineData(t.memory());
            }
            try (Tenant t = Tenant.of(allocator, nodata)) {
                t.call("store8", 100, 1);
                t.call("store8", 60000, 2);
            }
            assertEquals(WASM_PAGE, allocator.metrics().residentBytes(), "zeroed by writing");
            try (Tenant t = Tenant.of(allocator, nodata)) {
                byte[] bytes = t.memory().readBytes(0, WASM_PAGE);
                for (int i = 0; i < bytes.length; i++) {
                    assertEquals(0, bytes[i], "byte " + i);
                }
            }
        } finally {
            PageMap.enabled = true;
        }
    }

    @Test
    void tablesAreFilledFromTheElementImage() {
        ModuleInfo data = Tenant.module("data.wasm");
        try (var allocator = new PoolingInstanceAllocator(small())) {
            try (Tenant t = Tenant.of(allocator, data)) {
                var table = (PooledTable) t.tables.get(0).table();
                assertNull(table.elementImage(), "adopted");
                assertSame(t.instance, table.instance(1));
                assertNull(table.instance(0));
                assertEquals(-1, table.ref(0));
                assertEquals(0, table.ref(1), "ref.func $load8");
                for (int e = 0; e < t.instance.elementCount(); e++) {
                    assertTrue(!(t.instance.element(e) instanceof ActiveElement), "dropped");
                }
                assertEquals('h', t.call("call1", 100));
                t.call("set_table", 2);
            }
            try (Tenant t = Tenant.of(allocator, data)) {
                var table = (PooledTable) t.tables.get(0).table();
                assertSame(t.instance, table.instance(1));
                assertEquals(-1, table.ref(2), "the previous tenant's table.set is gone");
                assertNull(table.instance(2));
                assertEquals('h', t.call("call1", 100));
            }
        }
    }

    @Test
    void elementSegmentsWithImportedOffsetsAreLeftToChicory() {
        ModuleInfo module = Tenant.module("elem-global.wasm");
        assertSame(ElementImage.NONE, ElementImage.build(module.module()));
        assertTrue(ElementImage.build(Tenant.module("data.wasm").module()) != ElementImage.NONE);
        try (var allocator = new PoolingInstanceAllocator(small())) {
            try (Tenant t = Tenant.of(allocator, module, importsWithBase(2), null)) {
                assertTrue(t.instance.element(0) instanceof ActiveElement, "not adopted");
                assertEquals(42, t.call("call", 2));
                assertSame(t.instance, t.tables.get(0).table().instance(2));
            }
        }
    }
}
