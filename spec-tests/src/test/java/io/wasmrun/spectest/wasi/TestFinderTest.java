package io.wasmrun.spectest.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFinderTest {
    /** The suite as scripts/wasi-test finds it, seen from this module's folder. */
    private static final Path SHARED_SUITE = Path.of("..", "..", "shared", "wasi-testsuite");

    @TempDir Path dir;

    @Test
    void findsTheWasip1FoldersAndNamesTestsByLanguage() throws IOException {
        Path c = Files.createDirectories(dir.resolve("tests/c/testsuite/wasm32-wasip1"));
        Files.createFile(c.resolve("b.wasm"));
        Files.createFile(c.resolve("a.wasm"));
        Files.writeString(c.resolve("a.json"), "{\"exit_code\": 1}");
        Files.writeString(c.resolve("manifest.json"), "{\"name\": \"C tests\", \"version\": \"wasm32-wasip1\"}");
        Files.createDirectories(c.resolve("fs-tests.dir"));
        Path p3 = Files.createDirectories(dir.resolve("tests/rust/testsuite/wasm32-wasip3"));
        Files.createFile(p3.resolve("http.wasm"));

        TestFinder.Found found = TestFinder.find(dir, t -> true);

        assertEquals(List.of("c/a", "c/b"), found.tests().stream().map(WasiTest::name).toList());
        assertEquals(List.of(new Operation.Wait(1)), found.tests().get(0).spec().orElseThrow().operations().subList(1, 2));
        assertEquals(List.of("tests/rust/testsuite/wasm32-wasip3: wasm32-wasip3 tests (this runner runs wasm32-wasip1)"), found.ignored());
        assertEquals(List.of("c/a", "c/b"), TestFinder.find(c, t -> true).tests().stream().map(WasiTest::name).toList(), "a test folder as the suite");
    }

    @Test
    void filtersMatchNamesOrBaseNames() {
        WasiOptions rust = WasiOptions.parse(new String[] {"--filter", "rust/*"});
        WasiOptions paths = WasiOptions.parse(new String[] {"--filter", "path_*", "--filter", "c/pwrite-*"});
        WasiTest pathLink = new WasiTest("rust/path_link", Path.of("path_link.wasm"), Optional.of(TestSpec.DEFAULT), null);
        WasiTest pwrite = new WasiTest("c/pwrite-with-append", Path.of("pwrite-with-append.wasm"), Optional.of(TestSpec.DEFAULT), null);
        WasiTest lseek = new WasiTest("c/lseek", Path.of("lseek.wasm"), Optional.of(TestSpec.DEFAULT), null);

        assertTrue(rust.selects(pathLink) && !rust.selects(pwrite));
        assertTrue(paths.selects(pathLink) && paths.selects(pwrite) && !paths.selects(lseek));
        assertTrue(WasiOptions.parse(new String[0]).selects(lseek));
    }

    @Test
    void optionsHaveTheDocumentedDefaults() {
        WasiOptions options = WasiOptions.parse(new String[0]);

        assertEquals(Path.of("..", "shared", "wasi-testsuite").toAbsolutePath().normalize(), options.suite());
        assertEquals(1, options.jobs());
        assertEquals(Duration.ofSeconds(60), options.timeout());
        assertEquals(List.of("--engine", "interpreter"), WasiOptions.parse(new String[] {"--engine", "interpreter"}).wasmrunOptions());
        assertEquals("--jobs needs a positive number, not `0`",
                assertThrows(IllegalArgumentException.class, () -> WasiOptions.parse(new String[] {"--jobs", "0"})).getMessage());
    }

    @Test
    void theSummaryLineNamesSkippedTestsOnlyWhenThereAreSome() {
        TestResult passed = new TestResult("a", TestResult.Outcome.PASSED, "", List.of(), "", "", Duration.ZERO);
        TestResult failed = TestResult.failed("b", "exit code");

        assertEquals("1 passed, 1 failed", Summary.of(List.of(passed, failed)).line());
        assertEquals("1 passed, 0 failed, 1 skipped", Summary.of(List.of(passed, TestResult.skipped("c", "http"))).line());
    }

    @Test
    void everySpecificationOfTheSharedSuiteReads() throws IOException {
        assumeTrue(Files.isDirectory(SHARED_SUITE), "skipped: the WASI test suite is not at " + SHARED_SUITE.toAbsolutePath().normalize());

        TestFinder.Found found = TestFinder.find(SHARED_SUITE, t -> true);

        assertFalse(found.tests().isEmpty());
        for (WasiTest test : found.tests()) {
            assertTrue(test.spec().isPresent(), test.name() + ": " + test.specError());
            assertEquals(Optional.empty(), test.spec().get().unsupported(), test.name());
        }
        assertTrue(found.tests().stream().anyMatch(t -> t.name().equals("c/pwrite-with-append")));
        assertTrue(found.tests().stream().anyMatch(t -> t.name().equals("assemblyscript/proc_exit-failure")));
    }
}
