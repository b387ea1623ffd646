package io.wasmrun.spectest.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void aFailureLineKeepsThePanicAndDropsLogHeadersBacktracesAndRepeats() {
        String stderr =
                """
                Dec 02, 2026 4:31:01 AM com.dylibso.chicory.log.SystemLogger log
                SEVERE: fd_fdstat_set_rights operation not supported: [6, 2097154, 0]
                Dec 02, 2026 4:31:01\u202fAM com.dylibso.chicory.log.SystemLogger log
                SEVERE: fd_fdstat_set_rights operation not supported: [6, 2097154, 0]

                thread 'main' (1) panicked at src/bin/path_link.rs:174:9:
                expected errno EXIST; got IO
                note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
                error: wasm trap: unreachable
                wasm backtrace:
                    0: <wasm function 350> (func 350)
                    1: recurse (func 4) (repeated 1024 times)
                   19: _start (func 17)
                """;

        assertEquals(
                "SEVERE: fd_fdstat_set_rights operation not supported: [6, 2097154, 0] | thread 'main' (1) panicked at"
                        + " src/bin/path_link.rs:174:9: | expected errno EXIST; got IO | error: wasm trap: unreachable",
                Excerpt.oneLine(stderr));
    }

    @Test
    void longOutputIsCut() {
        assertEquals("x".repeat(2 * Excerpt.MAX) + "...", Excerpt.oneLine("x".repeat(1000)));
    }

    @Test
    void quotedTextShowsControlCharactersAndIsCut() {
        assertEquals("\"a\\nb\\t\\\"c\\\"\\x01\"", Excerpt.quoted("a\nb\t\"c\"\u0001"));
        assertEquals("\"" + "y".repeat(Excerpt.MAX) + "\"... (200 characters)", Excerpt.quoted("y".repeat(200)));
    }
}
