/* Hashing: FNV-1a and a 64-bit multiply-xorshift mix over a pseudo-random buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t fnv1a(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static uint64_t mix64(const uint64_t *p, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = p[i] * 0xbf58476d1ce4e5b9ull;
        k ^= k >> 31;
        h = (h ^ k) * 0x94d049bb133111ebull;
        h ^= h >> 29;
    }
    return h;
}

int main(int argc, char **argv) {
    size_t size = argc > 1 ? (size_t)atol(argv[1]) : (size_t)4 << 20;
    int rounds = argc > 2 ? atoi(argv[2]) : 12;
    unsigned char *buf = malloc(size);
    uint32_t x = 12345;
    for (size_t i = 0; i < size; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    uint32_t h32 = 0;
    uint64_t h64 = 0;
    for (int r = 0; r < rounds; r++) {
        buf[r] ^= (unsigned char)r;
        h32 ^= fnv1a(buf, size);
        h64 ^= mix64((const uint64_t *)buf, size / 8);
    }
    printf("fnv1a: %08x mix64: %016llx\n", h32, (unsigned long long)h64);
    return 0;
}
