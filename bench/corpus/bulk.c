/* memset/memcpy/memmove over two large buffers: whole-buffer bulk operations, as wasi-libc's C
   loops when built for MVP wasm (no bulk-memory instructions). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    size_t size = argc > 1 ? (size_t)atol(argv[1]) : (size_t)16 << 20;
    int rounds = argc > 2 ? atoi(argv[2]) : 32;
    unsigned char *a = malloc(size), *b = malloc(size);
    uint32_t sum = 0;
    for (int r = 0; r < rounds; r++) {
        memset(a, r + 1, size);
        a[r * 7919 % size] = (unsigned char)r;
        memcpy(b, a, size);
        memmove(b + 1 + r, b, size - 1 - r);
        memmove(a, a + 3, size - 3);
        sum = sum * 31 + b[r * 4099 % size] + a[(size - 1 - r * 8191) % size] + b[size - 1];
    }
    printf("bulk: %u\n", sum);
    return 0;
}
