package io.wasmrun.spectest.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a cross-section of the real wasm-2.0 suite, read by wasmrun's text parser, under the
 * on-demand allocator and the compiler with the reviewed expectations; the whole suite is {@code
 * scripts/spec-test}'s job.
 */
class SpecSuiteSubsetTest {
    private static final Path SUITE = Path.of("..", "..", "shared", "wasm-testsuite", "wasm-2.0");
    private static final List<String> FILES = List.of(
            "address.wast", "binary.wast", "br_table.wast", "call_indirect.wast", "conversions.wast", "data.wast",
            "elem.wast", "exports.wast", "f32.wast", "float_exprs.wast", "global.wast", "imports.wast",
            "left-to-right.wast", "linking.wast", "memory_grow.wast", "memory_trap.wast", "names.wast",
            "ref_func.wast", "select.wast", "start.wast", "table_get.wast", "table_grow.wast", "traps.wast",
            "unreachable.wast");

    @TempDir Path out;

    @Test
    void subsetPassesExceptForListedFailures() throws Exception {
        assumeTrue(Files.isDirectory(SUITE), "the spec suite is not at " + SUITE);
        List<String> args = new ArrayList<>(List.of(
                "--suite", SUITE.toString(), "--allocators", "on-demand", "--engines", "compiler",
                "--expectations", "expectations/wasm-2.0.txt", "--out", out.toString()));
        FILES.forEach(file -> args.addAll(List.of("--filter", file)));
        var printed = new ByteArrayOutputStream();

        int exit = new SpecSuite(SuiteOptions.parse(args.toArray(String[]::new)), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        JsonNode report = new ObjectMapper().readTree(out.resolve("wasm-2.0.json").toFile());
        JsonNode run = report.path("configurations").get(0);
        assertEquals("on-demand/compiler", run.path("configuration").asText());
        assertEquals(FILES.size(), run.path("files").size());
        assertEquals(0, run.path("failed").asInt());
        assertTrue(run.path("passed").asInt() > 5000, output);
        assertTrue(output.strip().endsWith(run.path("passed").asInt() + " passed, 0 failed, "
                + (run.path("skipped").asInt() + run.path("known").asInt()) + " skipped"), output);
        assertTrue(Files.readString(out.resolve("wasm-2.0.md")).contains("| table_get.wast | 16 | 0 | 0 | 0 |"));
    }
}
