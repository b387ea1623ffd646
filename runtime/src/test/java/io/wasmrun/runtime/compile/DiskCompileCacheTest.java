package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCompileCacheTest {
    private static final CacheKey KEY = new CacheKey("SHA-256:abc", "1.7.5", 1);

    @TempDir Path dir;

    @Test
    void missesWhenNothingIsStored() {
        assertEquals(Optional.empty(), new DiskCompileCache(dir).get(KEY));
    }

    @Test
    void returnsWhatWasStored() {
        var cache = new DiskCompileCache(dir);
        cache.put(KEY, bytes(1000, 7));
        assertArrayEquals(bytes(1000, 7), cache.get(KEY).orElseThrow());
        assertArrayEquals(bytes(1000, 7), new DiskCompileCache(dir).get(KEY).orElseThrow());
    }

    @Test
    void createsTheDirectoryOnFirstStore() {
        var cache = new DiskCompileCache(dir.resolve("a/b"));
        cache.put(KEY, bytes(10, 1));
        assertTrue(cache.get(KEY).isPresent());
    }

    @Test
    void anotherVersionIsAMissAndBothEntriesCoexist() {
        var cache = new DiskCompileCache(dir);
        cache.put(KEY, bytes(100, 1));
        var newerRewriter = new CacheKey(KEY.moduleDigest(), KEY.chicoryVersion(), 2);
        var newerChicory = new CacheKey(KEY.moduleDigest(), "1.8.0", 1);
        assertEquals(Optional.empty(), cache.get(newerRewriter));
        assertEquals(Optional.empty(), cache.get(newerChicory));
        cache.put(newerRewriter, bytes(100, 2));
        assertArrayEquals(bytes(100, 1), cache.get(KEY).orElseThrow());
        assertArrayEquals(bytes(100, 2), cache.get(newerRewriter).orElseThrow());
    }

    @Test
    void anEntryRenamedToAnotherKeyIsAMiss() throws IOException {
        var cache = new DiskCompileCache(dir);
        var other = new CacheKey("SHA-256:other", "1.7.5", 1);
        cache.put(other, bytes(100, 3));
        Files.copy(cache.entryFile(other), cache.entryFile(KEY));
        assertEquals(Optional.empty(), cache.get(KEY));
    }

    @Test
    void corruptEntriesAreMissesAndGetReplaced() throws IOException {
        var cache = new DiskCompileCache(dir);
        cache.put(KEY, bytes(5000, 9));
        Path file = cache.entryFile(KEY);
        byte[] good = Files.readAllBytes(file);
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(Arrays.copyOf(good, good.length - 1));
        damaged.add(Arrays.copyOf(good, 20));
        damaged.add(new byte[0]);
        damaged.add("garbage that is not an entry".getBytes());
        byte[] flipped = good.clone();
        flipped[flipped.length - 100] ^= 1;
        damaged.add(flipped);
        byte[] padded = Arrays.copyOf(good, good.length + 1);
        damaged.add(padded);
        for (byte[] bytes : damaged) {
            Files.write(file, bytes);
            assertEquals(Optional.empty(), cache.get(KEY), "damaged entry of " + bytes.length + " bytes was read");
        }
        cache.put(KEY, bytes(5000, 9));
        assertArrayEquals(bytes(5000, 9), cache.get(KEY).orElseThrow());
    }

    @Test
    void aStoreThatCannotBeWrittenIsDropped() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        var cache = new DiskCompileCache(notADirectory);
        cache.put(KEY, bytes(10, 1));
        assertEquals(Optional.empty(), cache.get(KEY));
    }

    @Test
    void concurrentWritersAndReadersOnlyEverSeeWholeEntries() throws Exception {
        var cache = new DiskCompileCache(dir);
        int writers = 6;
        int size = 1 << 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            var start = new CountDownLatch(1);
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int fill = w + 1;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        cache.put(KEY, bytes(size, fill));
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        cache.get(KEY).ifPresent(DiskCompileCacheTest::assertWhole);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertWhole(cache.get(KEY).orElseThrow());
        assertEquals(List.of(cache.entryFile(KEY)), files());
    }

    @Test
    void concurrentProcessesLeaveAWholeEntry() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> processes = new ArrayList<>();
        for (int fill = 1; fill <= 2; fill++) {
            processes.add(new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CacheWriterProbe.class.getName(),
                            dir.toString(),
                            Integer.toString(fill))
                    .inheritIO()
                    .start());
        }
        var cache = new DiskCompileCache(dir);
        while (processes.stream().anyMatch(Process::isAlive)) {
            cache.get(CacheWriterProbe.KEY).ifPresent(DiskCompileCacheTest::assertWhole);
        }
        for (Process p : processes) {
            assertEquals(0, p.waitFor());
        }
        assertWhole(cache.get(CacheWriterProbe.KEY).orElseThrow());
        assertEquals(List.of(cache.entryFile(CacheWriterProbe.KEY)), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Asserts that {@code payload} is one writer's payload: non-empty and a single fill byte. */
    static void assertWhole(byte[] payload) {
        assertEquals(1 << 20, payload.length);
        byte fill = payload[0];
        for (byte b : payload) {
            if (b != fill) {
                throw new AssertionError("mixed payload");
            }
        }
    }

    static byte[] bytes(int size, int fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
