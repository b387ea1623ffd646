package io.wasmrun.wast;

/** How an action of an assertion must fail. */
enum FailureKind {
    /** {@code assert_trap}: a trap. */
    TRAP,
    /** {@code assert_exhaustion}: the call stack runs out. */
    EXHAUSTION,
    /** {@code assert_exception}: an uncaught wasm exception. */
    EXCEPTION
}
