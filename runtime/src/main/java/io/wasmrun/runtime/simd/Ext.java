package io.wasmrun.runtime.simd;

/** How an i8 or i16 lane becomes an i32 scalar: sign-extended, zero-extended, or with whatever bits lie above it. */
enum Ext {
    SIGNED,
    UNSIGNED,
    RAW
}
