package io.wasmrun.allocator.memory;

import static io.wasmrun.allocator.testing.Memories.PAGE;
import static io.wasmrun.allocator.testing.Memories.mapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.InvalidException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AtomicsTest {

    @Test
    void wordOperationsReturnThePreviousValue() {
        try (SegmentMemory m = mapped(1, 1, true)) {
            m.atomicWriteInt(0, 10);
            assertEquals(10, m.atomicAddInt(0, 5));
            assertEquals(15, m.atomicAndInt(0, 0b1101));
            assertEquals(13, m.atomicOrInt(0, 0b10000));
            assertEquals(29, m.atomicXorInt(0, 1));
            assertEquals(28, m.atomicXchgInt(0, 100));
            assertEquals(100, m.atomicCmpxchgInt(0, 99, 1));
            assertEquals(100, m.atomicCmpxchgInt(0, 100, 1));
            assertEquals(1, m.atomicReadInt(0));

            m.atomicWriteLong(8, 1L << 40);
            assertEquals(1L << 40, m.atomicAddLong(8, 1));
            assertEquals((1L << 40) + 1, m.atomicAndLong(8, 1));
            assertEquals(1L, m.atomicOrLong(8, 6));
            assertEquals(7L, m.atomicXorLong(8, 2));
            assertEquals(5L, m.atomicXchgLong(8, -1L));
            assertEquals(-1L, m.atomicCmpxchgLong(8, -1L, 3L));
            assertEquals(3L, m.atomicReadLong(8));
            assertEquals(3L, m.readLong(8));
        }
    }

    @Test
    void subwordOperationsLeaveNeighboursAlone() {
        try (SegmentMemory m = mapped(1, 1, true)) {
            m.writeI32(16, 0xAABBCCDD);
            assertEquals((byte) 0xCC, m.atomicAddByte(17, (byte) 1));
            assertEquals(0xAABBCDDD, m.readInt(16));
            assertEquals((byte) 0xBB, m.atomicXchgByte(18, (byte) 0x11));
            assertEquals((byte) 0x11, m.atomicCmpxchgByte(18, (byte) 0x12, (byte) 0x22));
            assertEquals((byte) 0x11, m.atomicCmpxchgByte(18, (byte) 0x11, (byte) 0x22));
            assertEquals((byte) 0xAA, m.atomicCmpxchgByte(19, (byte) 0xAA, (byte) 0x01));
            assertEquals((byte) 0xDD, m.atomicAndByte(16, (byte) 0x0F));
            assertEquals((byte) 0x0D, m.atomicOrByte(16, (byte) 0x30));
            assertEquals((byte) 0x3D, m.atomicXorByte(16, (byte) 0xFF));
            assertEquals(0x0122CDC2, m.readInt(16));
            assertEquals((byte) 0xC2, m.atomicReadByte(16));
            m.atomicWriteByte(16, (byte) 0);

            m.writeI32(32, 0x1234FFFF);
            assertEquals((short) 0xFFFF, m.atomicAddShort(32, (short) 1));
            assertEquals(0x12340000, m.readInt(32), "the carry stays inside the short");
            assertEquals((short) 0x1234, m.atomicXchgShort(34, (short) 0x4321));
            assertEquals((short) 0x4321, m.atomicCmpxchgShort(34, (short) 0x4321, (short) -1));
            assertEquals((short) -1, m.atomicAndShort(34, (short) 0x0F0F));
            assertEquals((short) 0x0F0F, m.atomicOrShort(34, (short) 0x1000));
            assertEquals((short) 0x1F0F, m.atomicXorShort(34, (short) 0x0F00));
            assertEquals((short) 0x100F, m.atomicReadShort(34));
            m.atomicWriteShort(32, (short) 7);
            assertEquals(0x100F0007, m.readInt(32));
            assertEquals(7, m.readShort(32));
        }
    }

    @Test
    void misalignedOrOutOfBoundsAtomicsTrap() {
        try (SegmentMemory m = mapped(1, 1, true)) {
            assertThrows(InvalidException.class, () -> m.atomicAddInt(2, 1));
            assertThrows(InvalidException.class, () -> m.atomicReadLong(4));
            assertThrows(InvalidException.class, () -> m.atomicXchgShort(1, (short) 1));
            assertThrows(WasmRuntimeException.class, () -> m.atomicAddInt(PAGE, 1));
            assertThrows(WasmRuntimeException.class, () -> m.atomicAddLong(-8, 1));
            assertThrows(WasmRuntimeException.class, () -> m.atomicAddByte(PAGE, (byte) 1));
            assertEquals(0, m.atomicAddShort(PAGE - 2, (short) 1));
            assertEquals(0, m.atomicAddByte(PAGE - 1, (byte) 1));
            assertEquals(0x0101, m.readShort(PAGE - 2));
        }
    }

    @Test
    void concurrentIncrementsAreNotLost() throws Exception {
        int threads = 4;
        int perThread = 100_000;
        try (SegmentMemory m = mapped(1, 1, true)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int lane = t;
                    done.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        for (int i = 0; i < perThread; i++) {
                                            m.atomicAddInt(0, 1);
                                            m.atomicAddLong(8, 2);
                                            m.atomicAddShort(16 + 2 * (lane % 2), (short) 1);
                                            m.atomicAddByte(24 + lane, (byte) 1);
                                        }
                                        return null;
                                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * perThread, m.readInt(0));
            assertEquals(2L * threads * perThread, m.readLong(8));
            assertEquals((short) (threads / 2 * perThread), m.readShort(16));
            assertEquals((short) (threads / 2 * perThread), m.readShort(18));
            for (int lane = 0; lane < threads; lane++) {
                assertEquals((byte) perThread, m.read(24 + lane));
            }
        }
    }

    @Test
    void notifyWakesAWaiter() throws Exception {
        try (SegmentMemory m = mapped(1, 1, true)) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> waiter = pool.submit(() -> m.atomicWait(64, 0, -1L));
                int woken = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (woken == 0 && System.nanoTime() < deadline) {
                    woken = m.atomicNotify(64, 1);
                    Thread.onSpinWait();
                }
                assertEquals(1, woken);
                assertEquals(0, waiter.get(30, TimeUnit.SECONDS), "woken");
                assertEquals(0, m.atomicNotify(64, 1), "nobody left");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void notifyWakesAtMostTheRequestedNumber() throws Exception {
        try (SegmentMemory m = mapped(1, 1, true)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                m.writeLong(128, 5L);
                List<Future<Integer>> waiters = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    waiters.add(pool.submit(() -> m.atomicWait(128, 5L, -1L)));
                }
                int woken = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (woken < 3 && System.nanoTime() < deadline) {
                    int n = m.atomicNotify(128, 2);
                    assertTrue(n <= 2, "woke " + n);
                    woken += n;
                }
                assertEquals(3, woken);
                for (Future<Integer> w : waiters) {
                    assertEquals(0, w.get(30, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void waitReturnsNotEqualOrTimedOut() {
        try (SegmentMemory m = mapped(1, 1, true)) {
            m.writeI32(0, 3);
            assertEquals(1, m.atomicWait(0, 4, -1L));
            assertEquals(2, m.atomicWait(0, 3, 1_000_000L));
            assertEquals(2, m.atomicWait(8, 0L, 0L));
            assertThrows(InvalidException.class, () -> m.atomicWait(2, 0, 0L));
        }
    }

    @Test
    void waitingOnAnUnsharedMemoryTrapsAndNotifyWakesNobody() {
        try (SegmentMemory m = mapped(1, 1, false)) {
            WasmRuntimeException e =
                    assertThrows(WasmRuntimeException.class, () -> m.atomicWait(0, 0, 0L));
            assertEquals("expected shared memory", e.getMessage());
            assertEquals(0, m.atomicNotify(0, 1));
            assertEquals(0, m.atomicAddInt(0, 1), "atomics work on unshared memory");
        }
    }
}
