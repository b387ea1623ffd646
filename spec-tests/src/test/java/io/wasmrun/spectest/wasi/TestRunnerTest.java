package io.wasmrun.spectest.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against a stand-in for wasmrun: a shell script that records its command line and
 * then runs the "module", which in these tests is a shell snippet, with {@code $root} set to the
 * folder given to {@code --dir} and the guest's arguments as {@code $@}.
 */
class TestRunnerTest {
    @TempDir Path dir;
    private Path log;
    private Path fake;
    private Path scratch;

    @BeforeEach
    void fakeWasmrun() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh for the stand-in wasmrun");
        log = dir.resolve("argv.log");
        fake = dir.resolve("fake-wasmrun");
        Files.writeString(fake,
                """
                #!/bin/sh
                printf '%%s\\n' "$@" > '%s'
                root=
                while [ $# -gt 0 ]; do
                    case "$1" in
                        run) shift ;;
                        --dir) root=${2%%::/}; shift 2 ;;
                        --env|--engine) shift 2 ;;
                        --) shift; break ;;
                        *) module=$1; shift ;;
                    esac
                done
                . "$module"
                """.formatted(log));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        scratch = Files.createDirectories(dir.resolve("scratch"));
    }

    @Test
    void passesTheSpecToWasmrunAndChecksExitCodeAndOutput() throws Exception {
        Path module = module("args", "printf 'hello'; printf 'warn' >&2; [ -d \"$root\" ] || exit 9");
        Files.createDirectories(dir.resolve("fs"));
        spec("args", "{\"args\": [\"--invoke\", \"x y\"], \"env\": {\"B\": \"2\", \"A\": \"a=1\"}, \"root\": \"fs\", \"stdout\": \"hello\", \"stderr\": \"warn\"}");

        TestResult result = run("c/args", Duration.ofSeconds(30));

        assertEquals(TestResult.Outcome.PASSED, result.outcome(), result.message());
        List<String> argv = Files.readAllLines(log);
        assertEquals(List.of("run", "--dir"), argv.subList(0, 2));
        assertTrue(argv.get(2).startsWith(scratch.toString()) && argv.get(2).endsWith("::/"), argv.get(2));
        assertEquals(List.of("--env", "B=2", "--env", "A=a=1", module.toAbsolutePath().toString(), "--", "--invoke", "x y"), argv.subList(3, argv.size()));
        assertEquals("hello", result.stdout());
        assertEquals("warn", result.stderr());
    }

    @Test
    void aWrongExitCodeNamesBothAndWhatTheGuestPrinted() throws Exception {
        module("exit", "echo 'thread main panicked' >&2; echo 'at line 3' >&2; exit 3");

        TestResult result = run("rust/exit", Duration.ofSeconds(30));

        assertEquals(TestResult.Outcome.FAILED, result.outcome());
        assertEquals("exit code: expected 0, got 3; stderr: thread main panicked | at line 3", result.message());
    }

    @Test
    void outputIsComparedAsTheReferenceRunnerReadsIt() throws Exception {
        module("short", "printf 'help'");
        spec("short", "{\"stdout\": \"hello\"}");
        module("longer", "printf 'hello, world'");
        spec("longer", "{\"stdout\": \"hello\"}");
        module("unchecked", "printf 'anything'; printf 'more' >&2");

        TestResult wrong = run("as/short", Duration.ofSeconds(30));
        assertEquals(TestResult.Outcome.FAILED, wrong.outcome());
        assertEquals("stdout: expected \"hello\", got \"help\"; exit code 0", wrong.message());
        assertEquals(TestResult.Outcome.PASSED, run("as/longer", Duration.ofSeconds(30)).outcome(), "a read checks as many characters as it expects");
        assertEquals(TestResult.Outcome.PASSED, run("as/unchecked", Duration.ofSeconds(30)).outcome(), "without stdout or stderr in the spec, output is not checked");
    }

    @Test
    void eachRunGetsAFreshWritableCopyWithoutCleanupFiles() throws Exception {
        Path fs = Files.createDirectories(dir.resolve("fs"));
        Files.writeString(fs.resolve("file"), "original");
        Files.writeString(fs.resolve("stale.cleanup"), "left by an earlier run");
        Files.createSymbolicLink(fs.resolve("link"), Path.of("file"));
        Files.setPosixFilePermissions(fs.resolve("file"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(fs, PosixFilePermissions.fromString("r-xr-xr-x"));
        module("writes",
                """
                [ ! -e "$root/stale.cleanup" ] || exit 5
                [ ! -e "$root/made" ] || exit 6
                [ "$(cat "$root/link")" = original ] || exit 7
                echo changed > "$root/file" || exit 8
                touch "$root/made" || exit 9
                """);
        spec("writes", "{\"root\": \"fs\"}");

        try {
            assertEquals(TestResult.Outcome.PASSED, run("c/writes", Duration.ofSeconds(30)).outcome());
            TestResult again = run("c/writes", Duration.ofSeconds(30));
            assertEquals(TestResult.Outcome.PASSED, again.outcome(), again.message());
            assertEquals("original", Files.readString(fs.resolve("file")));
            assertFalse(Files.exists(fs.resolve("made")));
            try (var left = Files.list(scratch)) {
                assertEquals(0, left.count(), "the test's temporary folder is removed");
            }
        } finally {
            Files.setPosixFilePermissions(fs, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void operationsWriteToStdinAndStdinIsClosedWhenNothingIsWritten() throws Exception {
        module("echo", "read line; printf 'got %s' \"$line\"; cat >/dev/null; exit 2");
        spec("echo",
                """
                {"operations": [
                  {"type": "run"},
                  {"type": "write", "id": "stdin", "payload": "ping\\n"},
                  {"type": "read", "payload": "got ping"},
                  {"type": "wait", "exit_code": 2}
                ]}""");
        module("eof", "cat");

        TestResult echo = run("c/echo", Duration.ofSeconds(30));
        assertEquals(TestResult.Outcome.PASSED, echo.outcome(), echo.message());
        TestResult eof = run("c/eof", Duration.ofSeconds(30));
        assertEquals(TestResult.Outcome.PASSED, eof.outcome(), eof.message());
    }

    @Test
    void aTestThatRunsTooLongIsKilled() throws Exception {
        module("hangs", "echo started; exec sleep 60");

        long start = System.nanoTime();
        TestResult result = run("c/hangs", Duration.ofSeconds(1));

        assertEquals(TestResult.Outcome.FAILED, result.outcome());
        assertEquals("timed out after 1 s (killed); stdout: started", result.message());
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
    }

    @Test
    void unsupportedAndInvalidSpecsDoNotRun() throws Exception {
        module("http", "exit 0");
        spec("http", "{\"proposals\": [\"http\"], \"operations\": [{\"type\": \"run\"}, {\"type\": \"wait\"}]}");
        module("bad", "exit 0");
        spec("bad", "{\"operations\": [{\"type\": \"run\"}]}");

        TestResult skipped = run("rust/http", Duration.ofSeconds(30));
        assertEquals(TestResult.Outcome.SKIPPED, skipped.outcome());
        assertEquals("needs WASI proposal http", skipped.message());
        TestResult invalid = run("rust/bad", Duration.ofSeconds(30));
        assertEquals(TestResult.Outcome.FAILED, invalid.outcome());
        assertEquals("invalid specification: bad.json: a run has no wait", invalid.message());
        assertFalse(Files.exists(log), "nothing was run");
    }

    private Path module(String name, String script) throws IOException {
        return Files.writeString(dir.resolve(name + ".wasm"), script + "\n");
    }

    private void spec(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name + ".json"), json);
    }

    private TestResult run(String name, Duration timeout) {
        String base = name.substring(name.indexOf('/') + 1);
        var runner = new TestRunner(new WasmrunCommand(List.of(fake.toString()), List.of()), timeout, scratch);
        return runner.run(WasiTest.load(name, dir.resolve(base + ".wasm")));
    }
}
