package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs a module whose hot loops are entered once, with a value pending on the operand stack, in a
 * child JVM under {@code -XX:+PrintCompilation}: Chicory's own classes cannot be compiled
 * on-stack-replacement, the rewritten ones are.
 */
class OsrTest {
    private static final String NON_EMPTY = "OSR starts with non-empty stack";
    private static final String ITERATIONS = "50000000";
    private static final String EXPECTED = "result=" + expected(50_000_000);

    @Test
    void rewrittenLoopsCompileOnStackReplacement() throws Exception {
        String log = probe("rewritten");
        assertTrue(log.contains(EXPECTED), log);
        assertFalse(log.contains(NON_EMPTY), "a loop header still has a non-empty stack");
        assertTrue(osrOfGeneratedCode(log), "no OSR compilation (%) of a generated method");
    }

    @Test
    void chicorysOwnClassesCannotBeCompiledOnStackReplacement() throws Exception {
        String log = probe("plain");
        assertTrue(log.contains(EXPECTED), log);
        assertTrue(log.contains(NON_EMPTY), "the probe no longer shows the problem it guards against");
    }

    private static boolean osrOfGeneratedCode(String log) {
        return log.lines().anyMatch(l -> l.contains(" % ") && l.contains("$gen") && l.contains("::func_"));
    }

    private static String probe(String mode) throws IOException, InterruptedException, URISyntaxException {
        Path module = Path.of(OsrTest.class.getResource("/compile/pending-loop.wasm").toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command =
                List.of(
                        java.toString(),
                        "-XX:+PrintCompilation",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OsrProbe.class.getName(),
                        module.toString(),
                        mode,
                        ITERATIONS);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        String log = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), log);
        return log;
    }

    /** What {@code run(n)} of pending-loop.wat returns. */
    private static int expected(long n) {
        long sum = n * (n - 1) / 2;
        return (int) (1000 + sum + n);
    }
}
