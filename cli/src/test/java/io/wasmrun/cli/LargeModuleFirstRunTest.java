package io.wasmrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.runtime.validate.Leb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasmrun run} of a module with more than 1 MiB of code that the compile cache lacks: it runs
 * interpreted right away while a detached JVM compiles it into the cache, which the next run
 * finds. A compile cut short leaves no entry, and the next run still works.
 */
class LargeModuleFirstRunTest {
    private static final int FUNCTIONS = 1_200;
    private static final int STEPS = 250;

    @TempDir static Path modules;
    private static Path module;

    @TempDir Path cache;

    @BeforeAll
    static void writeModule() throws IOException {
        module = modules.resolve("large.wasm");
        Files.write(module, largeModule());
        assertTrue(Files.size(module) > 1_100_000, "over the threshold: " + Files.size(module));
    }

    @Test
    void theFirstRunDoesNotWaitAndTheDetachedCompileWarmsTheCache() throws Exception {
        var first = Cli.run("run", "--cache-dir", cache.toString(), "--invoke", "f1199", module.toString(), "3");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(expected(1199, 3) + "\n", first.out());
        Path entry = awaitEntry();
        var second = Cli.run("run", "--cache-dir", cache.toString(), "--invoke", "f7", module.toString(), "3");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(expected(7, 3) + "\n", second.out());
        assertTrue(filler().isEmpty(), "a hit starts no compile");
        assertEquals(List.of(entry), files(), "the entry is all the cache holds");
    }

    @Test
    void aCompileCutShortLeavesNoEntry() throws Exception {
        var first = Cli.run("run", "--cache-dir", cache.toString(), "--invoke", "f0", module.toString(), "1");
        assertEquals(expected(0, 1) + "\n", first.out());
        ProcessHandle compiler = filler().orElseThrow(() -> new AssertionError("no detached compile was started"));
        compiler.destroyForcibly();
        compiler.onExit().get();
        assertTrue(files().stream().noneMatch(f -> f.toString().endsWith(".classes")), "no entry: " + files());
        var again = Cli.run("run", "--cache-dir", cache.toString(), "--invoke", "f5", module.toString(), "1");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(expected(5, 1) + "\n", again.out());
        awaitEntry();
    }

    /** The detached compile for this test's cache, while it runs. */
    private Optional<ProcessHandle> filler() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(cache.toString()))
                .filter(p -> p.info().commandLine().orElse("").contains("CacheFiller"))
                .findFirst();
    }

    /** Waits (up to three minutes) for the detached compile to finish; returns the entry it stored. */
    private Path awaitEntry() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (filler().isPresent()) {
            assertTrue(Instant.now().isBefore(deadline), "the detached compile did not finish");
            Thread.sleep(100);
        }
        var entries = files().stream().filter(f -> f.toString().endsWith(".classes")).toList();
        assertEquals(1, entries.size(), "one entry: " + files());
        return entries.get(0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.sorted().toList();
        }
    }

    /** What {@code f<index>(argument)} returns: the argument plus each step's constant. */
    private static long expected(int index, int argument) {
        int sum = argument;
        for (int step = 0; step < STEPS; step++) {
            sum += constant(index, step);
        }
        return sum;
    }

    private static int constant(int index, int step) {
        return (index * 31 + step * 7) % 1000;
    }

    /** {@value #FUNCTIONS} exported functions {@code (i32) -> i32}, each adding {@value #STEPS} constants. */
    private static byte[] largeModule() {
        var module = new ByteArrayOutputStream();
        module.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(module, 1, new byte[] {1, 0x60, 1, 0x7f, 1, 0x7f});
        var functions = new ByteArrayOutputStream();
        Leb.unsigned(functions, FUNCTIONS);
        for (int i = 0; i < FUNCTIONS; i++) {
            functions.write(0);
        }
        section(module, 3, functions.toByteArray());
        var exports = new ByteArrayOutputStream();
        Leb.unsigned(exports, FUNCTIONS);
        for (int i = 0; i < FUNCTIONS; i++) {
            byte[] name = ("f" + i).getBytes();
            Leb.unsigned(exports, name.length);
            exports.writeBytes(name);
            exports.write(0);
            Leb.unsigned(exports, i);
        }
        section(module, 7, exports.toByteArray());
        var code = new ByteArrayOutputStream();
        Leb.unsigned(code, FUNCTIONS);
        for (int i = 0; i < FUNCTIONS; i++) {
            var body = new ByteArrayOutputStream();
            body.writeBytes(new byte[] {0, 0x20, 0});
            for (int step = 0; step < STEPS; step++) {
                body.write(0x41);
                Leb.signed(body, constant(i, step), 1);
                body.write(0x6a);
            }
            body.write(0x0b);
            Leb.unsigned(code, body.size());
            code.writeBytes(body.toByteArray());
        }
        section(module, 10, code.toByteArray());
        return module.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] contents) {
        out.write(id);
        Leb.unsigned(out, contents.length);
        out.writeBytes(contents);
    }
}
