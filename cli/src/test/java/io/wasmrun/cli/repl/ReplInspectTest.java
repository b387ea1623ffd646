package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplInspectTest {
    @TempDir Path dir;

    @BeforeEach
    void copyModules() {
        ReplHarness.modules(dir);
    }

    private ReplHarness.Result afterLoading(String commands) {
        var result = ReplHarness.run(dir, ":load math.wasm\n:load user.wasm\n" + commands);
        String out = result.out();
        int start = out.indexOf('\n', out.indexOf("loaded user")) + 1;
        return new ReplHarness.Result(result.exitCode(), out.substring(start), result.err());
    }

    @Test
    void listsExportsAndImportsWithSignatures() {
        var result = afterLoading("""
                :exports math
                :imports
                :imports math
                :exports user
                """);

        assertEquals("""
                  memory: memory 0
                  counter: global 0
                  limit: global 1
                  add: func(i32, i32) -> i32
                  div: func(i32, i32) -> i32
                  fadd: func(f64, f64) -> f64
                  divmod: func(i64, i64) -> (i64, i64)
                  bump: func() -> i32
                  nop: func()
                  spin: func()
                  math.add: func(i32, i32) -> i32
                math has no imports
                  add3: func(i32, i32, i32) -> i32
                """, result.out());
        assertEquals("", result.err());
    }

    @Test
    void listsReadsAndSetsGlobals() {
        var result = afterLoading("""
                :use math
                :global
                :global get counter
                :global set counter 99
                bump
                :global get math.limit
                :global list user
                """);

        assertEquals("""
                default module: math
                  counter: mut i32 = 41
                  limit: i64 = 100
                41
                counter = 99
                100
                100
                user exports no globals
                """, result.out());
        assertEquals("", result.err());
    }

    @Test
    void setsAGlobalFromAParenthesisedValueLikeACallArgument() {
        var result = afterLoading("""
                :global set math.counter (7)
                :global set math.counter (i32x4 1 2 3 4)
                :global set math.counter 1 2
                """);

        assertEquals("math.counter = 7\n", result.out());
        assertEquals("""
                error: global `math.counter`: `i32x4 1 2 3 4` is not an i32 (expected a decimal or 0x hex integer)
                error: usage: :global [list [MODULE] | get [MODULE.]NAME | set [MODULE.]NAME VALUE]
                """, result.err());
    }

    @Test
    void reportsGlobalErrors() {
        var result = afterLoading("""
                :global set math.limit 1
                :global set math.counter lots
                :global get nothing
                :global frob
                """);

        assertEquals("""
                error: global `math.limit` is immutable (i64)
                error: global `math.counter`: `lots` is not an i32 (expected a decimal or 0x hex integer)
                error: no loaded module exports a global `nothing` (loaded: math, user)
                error: usage: :global [list [MODULE] | get [MODULE.]NAME | set [MODULE.]NAME VALUE]
                """, result.err());
    }

    @Test
    void hexdumpsAndWritesMemory() {
        var result = afterLoading("""
                :memory math
                :memory math read 16 5
                :memory math write 0x10 "Jelly" 21 0a
                :memory math read 0x10 20
                :memory math write 65534 ffff
                :memory math read 65530
                """);

        assertEquals("""
                math: memory of 1 page (65536 bytes)
                00000010  48 65 6c 6c 6f                                    |Hello|
                wrote 7 bytes at 0x10
                00000010  4a 65 6c 6c 79 21 0a 00  00 00 00 00 00 00 00 00  |Jelly!..........|
                00000020  00 00 00 00                                       |....|
                wrote 2 bytes at 0xfffe
                0000fffa  00 00 00 00 ff ff                                 |......|
                """, result.out());
        assertEquals("", result.err());
    }

    @Test
    void reportsMemoryErrors() {
        var result = afterLoading("""
                :memory
                :memory math read 65530 10
                :memory math write 0 abc
                :memory math write 0 zz
                :memory math read -1
                :memory math read 0 100000
                :memory math poke 1
                :memory nosuch read 0
                """);

        assertEquals("""
                error: user has no memory
                error: 0xfffa..0x10004 is out of bounds (memory size is 0x10000 bytes)
                error: `abc` is not hex bytes (expected pairs of hex digits like 48656c, or "quoted text")
                error: `zz` is not hex bytes (expected pairs of hex digits like 48656c, or "quoted text")
                error: address `-1` is out of range (0 to 65536)
                error: length `100000` is out of range (0 to 65536)
                error: usage: :memory [MODULE] [read ADDR [LEN] | write ADDR DATA...]
                error: no module named `nosuch` (loaded: math, user)
                """, result.err());
    }
}
