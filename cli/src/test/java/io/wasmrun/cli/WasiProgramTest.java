package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C program compiled to wasm32-wasi (examples/wc.c) sees its argv, environment and a preopened
 * directory, and its exit code comes through. The test compiles the C source when clang with
 * wasi-libc is installed, and otherwise uses the committed examples/wc.wasm.
 */
class WasiProgramTest {
    @TempDir static Path work;
    static Path wasm;

    @BeforeAll
    static void compile() throws Exception {
        Path source = Cli.projectRoot().resolve("examples/wc.c");
        Path output = work.resolve("wc.wasm");
        wasm = clang(source, output) ? output : Cli.projectRoot().resolve("examples/wc.wasm");
    }

    private static boolean clang(Path source, Path output) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(
                                "clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O2",
                                "-o", output.toString(), source.toString())
                        .redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(output) > 0;
        } catch (IOException noClang) {
            System.err.println("clang not available, using the committed examples/wc.wasm: " + noClang.getMessage());
            return false;
        }
    }

    @Test
    void readsFilesInAPreopenedDirectoryWithArgsAndEnv() throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("poem.txt"), "one two\nthree\nfour five six\n");
        var result =
                run("--dir", data + "::/data", "--env", "WC_LABEL=counting", wasm.toString(), "/data/poem.txt");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(
                "== counting ==\nwc.wasm: 1 argument\n      3       6      28 /data/poem.txt\n",
                result.out());
    }

    @Test
    void exitCodeIsTheNumberOfMissingFiles() throws IOException {
        Path data = Files.createDirectories(work.resolve("exit"));
        Files.writeString(data.resolve("a.txt"), "a\n");
        var result =
                run("--dir", data + "::/d", wasm.toString(), "/d/a.txt", "/d/missing1", "/d/missing2");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.out().contains("      1       1       2 /d/a.txt"), result.out());
        assertTrue(result.err().contains("wc: /d/missing1: No such file or directory"), result.err());
    }

    @Test
    void withoutThePreopenTheFileIsNotVisible() {
        var result = run(wasm.toString(), "/etc/hostname");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("wc: /etc/hostname: "), result.err());
    }

    @Test
    void argumentsAfterTheModuleReachTheGuest() {
        var result = run(wasm.toString(), "--", "--weird", "-x");
        assertTrue(result.out().contains("wc.wasm: 2 arguments"), result.out());
    }

    @Test
    void aDirThatDoesNotExistIsAClearError() {
        var result = run("--dir", "/no/such/dir", wasm.toString());
        assertEquals(1, result.exitCode());
        assertEquals("error: --dir /no/such/dir: /no/such/dir is not a directory\n", result.err());
    }
}
