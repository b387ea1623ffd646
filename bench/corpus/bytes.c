/* Byte kernels, in rounds over a few hundred kilobytes:
 *   lines  finds every newline in a text, memchr style (compare 16 bytes, take the bitmask,
 *          walk its set bits), and sums their count and positions;
 *   hex    decodes a hex string to bytes (range compares to classify and validate the digits,
 *          a shuffle to pair the nibbles), then counts the decoded bits with a nibble table
 *          (swizzle) and folds the bytes into 16 lanes;
 *   levels brightens and darkens a byte image with saturating adds and subtracts, averages it
 *          with the decoded bytes, counts the saturated pixels and sums the rest.
 *
 * With -msimd128 (bytes-simd.wasm) the kernels are written with wasm_simd128.h intrinsics, 16 bytes
 * at a time; without it (bytes.wasm, and a native build) they are plain C. Both print the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define TEXT (256 << 10)  /* bytes of text, a multiple of 16 */
#define DECODED (64 << 10) /* bytes decoded from 2 * DECODED hex digits, a multiple of 16 */
#define ROUNDS 400

static const uint8_t NIBBLE_BITS[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

/* Adds the count and the positions of the newlines in p[0..n) to *count and *possum. */
static void lines(const uint8_t *p, size_t n, uint32_t *count, uint32_t *possum) {
    uint32_t c = 0, s = 0;
#ifdef __wasm_simd128__
    const v128_t nl = wasm_i8x16_splat('\n');
    for (size_t i = 0; i < n; i += 16) {
        uint32_t m = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i), nl));
        while (m) {
            c++;
            s += (uint32_t)i + (uint32_t)__builtin_ctz(m);
            m &= m - 1;
        }
    }
#else
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n') {
            c++;
            s += (uint32_t)i;
        }
    }
#endif
    *count += c;
    *possum += s;
}

/* Decodes the 2n hex digits at digits into n bytes at out; returns the number of invalid digits (they
 * decode as if they were 0), adds the number of set bits of the bytes to *popsum and xors byte i
 * into fold[i % 16]. */
static uint32_t hex(const uint8_t *digits, uint8_t *out, size_t n, uint32_t *popsum, uint8_t fold[16]) {
    uint32_t invalid = 0, pop = 0;
#ifdef __wasm_simd128__
    const v128_t zero = wasm_i8x16_splat('0'), nine = wasm_i8x16_splat(9),
                 lower = wasm_i8x16_splat(0x20), a = wasm_i8x16_splat('a'), five = wasm_i8x16_splat(5),
                 ten = wasm_i8x16_splat(10), low4 = wasm_i8x16_splat(0x0f),
                 table = wasm_v128_load(NIBBLE_BITS);
    v128_t pop32 = wasm_i32x4_splat(0), x = wasm_v128_load(fold);
    for (size_t i = 0; i < n; i += 16) {
        v128_t nib[2];
        for (int h = 0; h < 2; h++) {
            v128_t ch = wasm_v128_load(digits + 2 * i + 16 * h);
            v128_t digit = wasm_i8x16_sub(ch, zero);
            v128_t letter = wasm_i8x16_sub(wasm_v128_or(ch, lower), a);
            v128_t is_digit = wasm_u8x16_le(digit, nine), is_letter = wasm_u8x16_le(letter, five);
            invalid += (uint32_t)__builtin_popcount(
                wasm_i8x16_bitmask(wasm_v128_not(wasm_v128_or(is_digit, is_letter))));
            v128_t value = wasm_v128_bitselect(digit, wasm_i8x16_add(letter, ten), is_digit);
            nib[h] = wasm_v128_and(value, wasm_v128_or(is_digit, is_letter));
        }
        v128_t hi = wasm_i8x16_shuffle(nib[0], nib[1], 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        v128_t lo = wasm_i8x16_shuffle(nib[0], nib[1], 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
        v128_t byte = wasm_v128_or(wasm_i8x16_shl(hi, 4), lo);
        wasm_v128_store(out + i, byte);
        x = wasm_v128_xor(x, byte);
        v128_t bitcount = wasm_i8x16_add(wasm_i8x16_swizzle(table, wasm_v128_and(byte, low4)),
                                         wasm_i8x16_swizzle(table, wasm_u8x16_shr(byte, 4)));
        pop32 = wasm_i32x4_add(pop32, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(bitcount)));
    }
    pop32 = wasm_i32x4_add(pop32, wasm_i32x4_shuffle(pop32, pop32, 2, 3, 0, 1));
    pop32 = wasm_i32x4_add(pop32, wasm_i32x4_shuffle(pop32, pop32, 1, 0, 3, 2));
    pop = (uint32_t)wasm_i32x4_extract_lane(pop32, 0);
    wasm_v128_store(fold, x);
#else
    for (size_t i = 0; i < n; i++) {
        uint8_t nib[2];
        for (int h = 0; h < 2; h++) {
            uint8_t ch = digits[2 * i + h];
            uint8_t digit = (uint8_t)(ch - '0'), letter = (uint8_t)((ch | 0x20) - 'a');
            if (digit <= 9) {
                nib[h] = digit;
            } else if (letter <= 5) {
                nib[h] = (uint8_t)(letter + 10);
            } else {
                nib[h] = 0;
                invalid++;
            }
        }
        uint8_t byte = (uint8_t)(nib[0] << 4 | nib[1]);
        out[i] = byte;
        fold[i % 16] ^= byte;
        pop += NIBBLE_BITS[byte & 15] + NIBBLE_BITS[byte >> 4];
    }
#endif
    *popsum += pop;
    return invalid;
}

/* img = avg(sat(sat(img + up) - down), with), rounding up; returns the number of pixels at 255 and
 * adds the others' values to *sum. n is a multiple of 16 and with has at least n bytes. */
static uint32_t levels(uint8_t *img, const uint8_t *with, size_t n, uint8_t up, uint8_t down, uint32_t *sum) {
    uint32_t full = 0, s = 0;
#ifdef __wasm_simd128__
    const v128_t vup = wasm_u8x16_splat(up), vdown = wasm_u8x16_splat(down), max = wasm_u8x16_splat(255);
    v128_t s32 = wasm_i32x4_splat(0);
    for (size_t i = 0; i < n; i += 16) {
        v128_t v = wasm_u8x16_add_sat(wasm_v128_load(img + i), vup);
        v = wasm_u8x16_sub_sat(v, vdown);
        v = wasm_u8x16_avgr(v, wasm_v128_load(with + i));
        wasm_v128_store(img + i, v);
        v128_t at_max = wasm_i8x16_eq(v, max);
        full += (uint32_t)__builtin_popcount(wasm_i8x16_bitmask(at_max));
        v128_t rest = wasm_v128_andnot(v, at_max);
        s32 = wasm_i32x4_add(s32, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(rest)));
    }
    s32 = wasm_i32x4_add(s32, wasm_i32x4_shuffle(s32, s32, 2, 3, 0, 1));
    s32 = wasm_i32x4_add(s32, wasm_i32x4_shuffle(s32, s32, 1, 0, 3, 2));
    s = (uint32_t)wasm_i32x4_extract_lane(s32, 0);
#else
    for (size_t i = 0; i < n; i++) {
        unsigned v = img[i] + up;
        v = v > 255 ? 255 : v;
        v = v > down ? v - down : 0;
        v = (v + with[i] + 1) >> 1;
        img[i] = (uint8_t)v;
        if (v == 255) {
            full++;
        } else {
            s += v;
        }
    }
#endif
    *sum += s;
    return full;
}

int main(void) {
    static const char DIGITS[] = "0123456789abcdefABCDEF";
    uint8_t *text = malloc(TEXT), *hexs = malloc(2 * DECODED), *decoded = malloc(DECODED),
            *img = malloc(DECODED);
    uint32_t x = 88172645u;
#define NEXT() (x ^= x << 13, x ^= x >> 17, x ^= x << 5, x)
    for (size_t i = 0; i < TEXT; i++) {
        uint32_t r = NEXT();
        text[i] = (r & 63) == 0 ? '\n' : (r & 7) == 0 ? ' ' : (uint8_t)('a' + (r >> 8) % 26);
    }
    for (size_t i = 0; i < 2 * DECODED; i++) {
        uint32_t r = NEXT();
        /* one digit in 4096 is not a hex digit */
        hexs[i] = (r & 4095) == 0 ? (uint8_t)('g' + (r >> 12) % 20) : (uint8_t)DIGITS[(r >> 12) % 22];
    }
    for (size_t i = 0; i < DECODED; i++) img[i] = (uint8_t)(NEXT() >> 24);

    uint32_t nl_count = 0, nl_possum = 0, popsum = 0, invalid = 0, full = 0, sum = 0;
    uint8_t fold[16] = {0};
    for (int r = 0; r < ROUNDS; r++) {
        lines(text, TEXT, &nl_count, &nl_possum);
        invalid += hex(hexs, decoded, DECODED, &popsum, fold);
        full += levels(img, decoded, DECODED, (uint8_t)(r * 37 % 64), (uint8_t)(r * 23 % 48), &sum);
        /* change the inputs a little for the next round */
        text[(size_t)r * 40009u % TEXT] ^= 1;
        hexs[(size_t)r * 30011u % (2 * DECODED)] = (uint8_t)DIGITS[r % 22];
    }
    uint32_t foldhash = 2166136261u;
    for (int i = 0; i < 16; i++) foldhash = (foldhash ^ fold[i]) * 16777619u;
    printf("bytes: newlines %u at %08x, hex bits %u invalid %u fold %08x, levels full %u sum %u\n",
           nl_count, nl_possum, popsum, invalid, foldhash, full, sum);
    return 0;
}
