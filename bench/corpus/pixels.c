/* Float image kernel: a planar RGB image goes through rounds of luma, contrast and bias
 * (multiply-add), clamping (min/max), dithered quantisation to bytes (int<->float conversions)
 * and a feedback blend; each round's byte sum, minimum and maximum are reduced across the image.
 *
 * With -msimd128 (pixels-simd.wasm) the loop is written with wasm_simd128.h intrinsics, four
 * pixels at a time, and the reductions end with shuffles; without it (pixels.wasm, and a native
 * build) it is plain C. Every value is computed with the same f32 operations in the same order
 * (wasm has no fused multiply-add), so both print the same checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define PIXELS (1 << 16) /* a multiple of 4 */
#define ROUNDS 400

static uint32_t bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

struct round_result {
    uint32_t sum; /* sum of the quantised bytes */
    float lo, hi; /* smallest and largest clamped value */
};

/* One round over n pixels: returns the reductions and writes the blended red channel to out. */
static struct round_result run_round(const float *r, const float *g, const float *b, float *out,
                                     size_t n, int k) {
    const float gain = 1.0f + (float)(k % 5) * 0.125f;
    const float offset = 0.5f + ((float)(k % 3) * 0.0625f - 0.0625f);
    const uint32_t seed = (uint32_t)k * 0x9e3779b9u;
    struct round_result res;
#ifdef __wasm_simd128__
    const v128_t c0 = wasm_f32x4_splat(0.299f), c1 = wasm_f32x4_splat(0.587f),
                 c2 = wasm_f32x4_splat(0.114f), half = wasm_f32x4_splat(0.5f),
                 vgain = wasm_f32x4_splat(gain), voff = wasm_f32x4_splat(offset),
                 zero = wasm_f32x4_splat(0.0f), one = wasm_f32x4_splat(1.0f),
                 scale = wasm_f32x4_splat(255.0f), dscale = wasm_f32x4_splat(1.0f / 64.0f),
                 keep = wasm_f32x4_splat(0.75f), mixin = wasm_f32x4_splat(0.25f),
                 golden = wasm_i32x4_splat((int32_t)2654435761u), vseed = wasm_i32x4_splat((int32_t)seed);
    v128_t index = wasm_i32x4_make(0, 1, 2, 3);
    const v128_t four = wasm_i32x4_splat(4);
    v128_t sum = wasm_i32x4_splat(0), lo = wasm_f32x4_splat(2.0f), hi = wasm_f32x4_splat(-1.0f);
    for (size_t i = 0; i < n; i += 4) {
        v128_t vr = wasm_v128_load(r + i), vg = wasm_v128_load(g + i), vb = wasm_v128_load(b + i);
        v128_t y = wasm_f32x4_mul(vr, c0);
        y = wasm_f32x4_add(y, wasm_f32x4_mul(vg, c1));
        y = wasm_f32x4_add(y, wasm_f32x4_mul(vb, c2));
        v128_t v = wasm_f32x4_sub(y, half);
        v = wasm_f32x4_mul(v, vgain);
        v = wasm_f32x4_add(v, voff);
        v = wasm_f32x4_min(wasm_f32x4_max(v, zero), one);
        lo = wasm_f32x4_min(lo, v);
        hi = wasm_f32x4_max(hi, v);
        /* dither: the top 4 bits of a multiplicative hash of the index, as a float in [0, 15/64] */
        v128_t h = wasm_u32x4_shr(wasm_i32x4_add(wasm_i32x4_mul(index, golden), vseed), 28);
        v128_t noise = wasm_f32x4_mul(wasm_f32x4_convert_i32x4(h), dscale);
        v128_t q = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_add(wasm_f32x4_mul(v, scale), noise));
        sum = wasm_i32x4_add(sum, q);
        wasm_v128_store(out + i, wasm_f32x4_add(wasm_f32x4_mul(vr, keep), wasm_f32x4_mul(v, mixin)));
        index = wasm_i32x4_add(index, four);
    }
    /* horizontal reductions: fold the upper half onto the lower, then the odd lane onto the even */
    sum = wasm_i32x4_add(sum, wasm_i32x4_shuffle(sum, sum, 2, 3, 0, 1));
    sum = wasm_i32x4_add(sum, wasm_i32x4_shuffle(sum, sum, 1, 0, 3, 2));
    lo = wasm_f32x4_min(lo, wasm_i32x4_shuffle(lo, lo, 2, 3, 0, 1));
    lo = wasm_f32x4_min(lo, wasm_i32x4_shuffle(lo, lo, 1, 0, 3, 2));
    hi = wasm_f32x4_max(hi, wasm_i32x4_shuffle(hi, hi, 2, 3, 0, 1));
    hi = wasm_f32x4_max(hi, wasm_i32x4_shuffle(hi, hi, 1, 0, 3, 2));
    res.sum = (uint32_t)wasm_i32x4_extract_lane(sum, 0);
    res.lo = wasm_f32x4_extract_lane(lo, 0);
    res.hi = wasm_f32x4_extract_lane(hi, 0);
#else
    uint32_t sum = 0;
    float lo = 2.0f, hi = -1.0f;
    for (size_t i = 0; i < n; i++) {
        float y = r[i] * 0.299f;
        y = y + g[i] * 0.587f;
        y = y + b[i] * 0.114f;
        float v = y - 0.5f;
        v = v * gain;
        v = v + offset;
        v = v > 0.0f ? v : 0.0f;
        v = v < 1.0f ? v : 1.0f;
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        uint32_t h = ((uint32_t)i * 2654435761u + seed) >> 28;
        float noise = (float)(int32_t)h * (1.0f / 64.0f);
        float t = v * 255.0f;
        t = t + noise;
        sum += (uint32_t)(int32_t)t;
        float kept = r[i] * 0.75f;
        out[i] = kept + v * 0.25f;
    }
    res.sum = sum;
    res.lo = lo;
    res.hi = hi;
#endif
    return res;
}

int main(void) {
    float *plane[4];
    for (int c = 0; c < 4; c++) plane[c] = malloc(sizeof(float) * PIXELS);
    uint32_t x = 2463534242u;
    for (int c = 0; c < 3; c++) {
        for (size_t i = 0; i < PIXELS; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            plane[c][i] = (float)(x >> 24) * (1.0f / 255.0f);
        }
    }
    uint64_t total = 0;
    uint32_t mix = 0;
    for (int k = 0; k < ROUNDS; k++) {
        struct round_result res = run_round(plane[0], plane[1], plane[2], plane[3], PIXELS, k);
        total += res.sum;
        mix = (mix ^ res.sum ^ bits(res.lo) ^ (bits(res.hi) << 1)) * 16777619u;
        /* rotate the channels: green becomes red, blue green, the blended red blue */
        float *t = plane[0];
        plane[0] = plane[1];
        plane[1] = plane[2];
        plane[2] = plane[3];
        plane[3] = t;
    }
    printf("pixels: total %llu mix %08x\n", (unsigned long long)total, mix);
    return 0;
}
