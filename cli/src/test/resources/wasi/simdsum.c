/*
 * A WASI program using 128-bit SIMD (wasm_simd128.h), for SimdWasiProgramTest. It fills an array
 * with a fixed pseudo-random sequence, sums it four lanes at a time with wasm_i32x4_add, takes the
 * per-lane minimum and maximum with wasm_i32x4_min/max, counts negative values with a compare and
 * i32x4.bitmask, and prints each result next to the scalar computation of the same thing.
 *
 * Built with (Debian clang 14, wasi-libc; clang runs wasm-opt, which needs the target_features
 * section, so strip afterwards rather than with -s):
 *   clang --target=wasm32-wasi --sysroot=/usr -O3 -msimd128 -o simdsum.wasm simdsum.c && wasm-strip simdsum.wasm
 * The scalar-only reference: clang -O2 -DNO_SIMD -o simdsum simdsum.c && ./simdsum
 */
#include <stdint.h>
#include <stdio.h>
#ifndef NO_SIMD
#include <wasm_simd128.h>
#endif

#define N 1000

static int32_t data[N];

static void fill(void) {
    uint32_t x = 12345;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (int32_t) (x >> 8) % 200001 - 100000;
    }
}

int main(void) {
    fill();
    int64_t scalar_sum = 0;
    int32_t scalar_min = INT32_MAX, scalar_max = INT32_MIN;
    int scalar_negative = 0;
    for (int i = 0; i < N; i++) {
        scalar_sum += data[i];
        if (data[i] < scalar_min) scalar_min = data[i];
        if (data[i] > scalar_max) scalar_max = data[i];
        if (data[i] < 0) scalar_negative++;
    }
#ifdef NO_SIMD
    int32_t sum = (int32_t) scalar_sum, min = scalar_min, max = scalar_max;
    int negative = scalar_negative;
#else
    v128_t vsum = wasm_i32x4_splat(0);
    v128_t vmin = wasm_i32x4_splat(INT32_MAX);
    v128_t vmax = wasm_i32x4_splat(INT32_MIN);
    int negative = 0;
    for (int i = 0; i < N; i += 4) {
        v128_t v = wasm_v128_load(&data[i]);
        vsum = wasm_i32x4_add(vsum, v);
        vmin = wasm_i32x4_min(vmin, v);
        vmax = wasm_i32x4_max(vmax, v);
        negative += __builtin_popcount(wasm_i32x4_bitmask(wasm_i32x4_lt(v, wasm_i32x4_splat(0))));
    }
    int32_t sum = wasm_i32x4_extract_lane(vsum, 0) + wasm_i32x4_extract_lane(vsum, 1)
            + wasm_i32x4_extract_lane(vsum, 2) + wasm_i32x4_extract_lane(vsum, 3);
    int32_t min = wasm_i32x4_extract_lane(vmin, 0), max = wasm_i32x4_extract_lane(vmax, 0);
    for (int k = 1; k < 4; k++) {
        int32_t a = k == 1 ? wasm_i32x4_extract_lane(vmin, 1) : k == 2 ? wasm_i32x4_extract_lane(vmin, 2) : wasm_i32x4_extract_lane(vmin, 3);
        int32_t b = k == 1 ? wasm_i32x4_extract_lane(vmax, 1) : k == 2 ? wasm_i32x4_extract_lane(vmax, 2) : wasm_i32x4_extract_lane(vmax, 3);
        if (a < min) min = a;
        if (b > max) max = b;
    }
#endif
    printf("sum %d (scalar %lld)\n", sum, (long long) scalar_sum);
    printf("min %d max %d (scalar %d %d)\n", min, max, scalar_min, scalar_max);
    printf("negative %d (scalar %d)\n", negative, scalar_negative);
    return sum == scalar_sum && min == scalar_min && max == scalar_max && negative == scalar_negative ? 0 : 1;
}
