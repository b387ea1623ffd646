/* memcpy/memset: block copies and fills of varying sizes over a few megabytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    size_t size = argc > 1 ? (size_t)atol(argv[1]) : (size_t)8 << 20;
    int rounds = argc > 2 ? atoi(argv[2]) : 40;
    unsigned char *a = malloc(size), *b = malloc(size);
    memset(a, 1, size);
    uint32_t sum = 0;
    for (int r = 0; r < rounds; r++) {
        size_t chunk = (size_t)16 << (r % 12);
        for (size_t off = 0; off + chunk <= size; off += chunk) {
            memcpy(b + off, a + (size - off - chunk), chunk);
            memset(a + off, (int)(r + off / chunk), chunk / 2);
        }
        sum += b[r * 4099 % size] + a[r * 8191 % size];
    }
    printf("memops: %u\n", sum);
    return 0;
}
