package io.wasmrun.cli;

import static io.wasmrun.cli.Cli.example;
import static io.wasmrun.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command reads the text format, detected by content; wat2wasm writes the binary. */
class TextFormatTest {
    @TempDir Path dir;

    @Test
    void runsATextModuleDirectly() {
        assertEquals("6765\n", run("--invoke", "fib", example("fib.wat"), "20").out());
        assertEquals("Hello, world from wasmrun!\n", run(example("hello.wat")).out());
    }

    @Test
    void textIsDetectedByContentNotByName() throws IOException {
        Path disguised = dir.resolve("answer.wasm");
        Files.writeString(disguised, "(module (func (export \"answer\") (result i32) i32.const 42))");
        assertEquals("42\n", run("--invoke", "answer", disguised.toString()).out());
    }

    @Test
    void wat2wasmWritesTheSameBinaryAsWabt() throws IOException {
        Path out = dir.resolve("fib.wasm");
        var result = run("wat2wasm", example("fib.wat"), "-o", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        byte[] ours = Files.readAllBytes(out);
        assertEquals("6765\n", run("--invoke", "fib", out.toString(), "20").out());
        byte[] committed = Files.readAllBytes(Path.of(example("fib.wasm")));
        byte[] committedWithoutNames = java.util.Arrays.copyOf(committed, ours.length);
        assertArrayEquals(committedWithoutNames, ours, "code sections match the wat2wasm-built example");
    }

    @Test
    void malformedTextNamesFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.wat");
        Files.writeString(bad, "(module\n  (func (result i32)\n    i32.const))\n");
        var result = run(bad.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: bad.wat:3:14: "), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        var converted = run("wat2wasm", bad.toString());
        assertEquals(1, converted.exitCode());
        assertTrue(converted.err().startsWith("error: " + bad + ":3:14: "), converted.err());
    }

    @Test
    void wat2wasmValidatesUnlessToldNotTo() throws IOException {
        Path invalid = dir.resolve("invalid.wat");
        Files.writeString(invalid, "(module (func (result i32)))");
        var checked = run("wat2wasm", invalid.toString());
        assertEquals(1, checked.exitCode());
        assertTrue(checked.err().contains("invalid module"), checked.err());
        assertEquals(0, run("wat2wasm", "--no-check", invalid.toString()).exitCode());
        assertTrue(Files.size(dir.resolve("invalid.wasm")) > 8);
    }
}
