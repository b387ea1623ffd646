package io.wasmrun.spectest.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.Strategy;
import io.wasmrun.wast.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsTest {
    private static final Configuration COMPILER = new Configuration("on-demand", Strategy.COMPILER);
    private static final Configuration INTERPRETER = new Configuration("pooling", Strategy.INTERPRETER);

    @TempDir Path dir;

    @Test
    void matchesByFileLinesAndConfiguration() throws IOException {
        Expectations expectations = read(
                """
                # comment
                f32.wast:10,12 | NaN bug
                simd_*.wast | no SIMD
                proposals/**/return_call.wast */compiler | no tail calls
                """);

        assertEquals("NaN bug", reason(expectations, COMPILER, "f32.wast", 12));
        assertEquals(null, reason(expectations, COMPILER, "f32.wast", 11));
        assertEquals("no SIMD", reason(expectations, INTERPRETER, "simd_lane.wast", 0));
        assertEquals("no tail calls", reason(expectations, COMPILER, "proposals/tail-call/return_call.wast", 5));
        assertEquals(null, reason(expectations, INTERPRETER, "proposals/tail-call/return_call.wast", 5));
    }

    @Test
    void reportsEntriesAndLinesThatNoLongerFail() throws IOException {
        Expectations expectations = read(
                """
                f32.wast:10,12 | NaN bug
                simd_*.wast | no SIMD
                never-run.wast | not in this run
                """);
        expectations.ran(COMPILER, "f32.wast");
        expectations.ran(COMPILER, "simd_lane.wast");
        expectations.expecting(COMPILER, "f32.wast", new Failure(10, "assert_return", "x"));

        List<String> unneeded = expectations.unneeded();

        assertEquals(2, unneeded.size());
        assertTrue(unneeded.get(0).endsWith(":1 (f32.wast) (lines [12] pass)"), unneeded.get(0));
        assertTrue(unneeded.get(1).endsWith(":2 (simd_*.wast) (nothing in it fails)"), unneeded.get(1));
    }

    @Test
    void rejectsEntriesWithoutAReason() {
        var error = assertThrows(IllegalArgumentException.class, () -> read("f32.wast:10\n"));
        assertTrue(error.getMessage().endsWith(":1: expected `FILE[:LINES] [ALLOCATOR/ENGINE] | REASON`, got `f32.wast:10`"), error.getMessage());
    }

    private Expectations read(String text) throws IOException {
        Path file = dir.resolve("expectations.txt");
        Files.writeString(file, text);
        return Expectations.read(file);
    }

    private static String reason(Expectations expectations, Configuration configuration, String file, int line) {
        return expectations.expecting(configuration, file, new Failure(line, "assert_return", "x")).map(e -> e.reason).orElse(null);
    }
}
