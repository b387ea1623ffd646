package io.wasmrun.cli;

/** What {@code inspect} and the REPL's {@code :exports} list for {@code modules/simd.wat}: its declared exports, v128 as v128. */
public final class SimdModuleExports {
    public static final String LISTING = """
              memory: memory 0
              g: global 0
              k: global 1
              id: func(v128) -> v128
              add: func(v128, v128) -> v128
              bitmask: func(v128) -> i32
              lane2: func(v128) -> i32
              splat: func(i32, f64) -> (v128, i32, v128)
              swz: func(v128, v128) -> v128
              getg: func() -> v128
            """;

    private SimdModuleExports() {}
}
